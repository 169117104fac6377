/**
 * The yardstick of the `first-content` series: a blank React + Fluent UI v9 page (a FluentProvider
 * and one Text), built with the shipping webpack settings (./webpack.config.js).
 */
import { FluentProvider, Text, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

const el = document.getElementById('root');
if (el)
  createRoot(el).render(
    <FluentProvider theme={webLightTheme}>
      <Text>绩效目标表助手</Text>
    </FluentProvider>,
  );
