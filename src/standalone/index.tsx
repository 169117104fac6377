/** The standalone page (outside Office): an in-memory workbook, a grid and the same pane. */
import type { Root } from 'react-dom/client';
import { ThemeRoot } from '../ui/components/PaneRoot';
import { StandaloneApp } from './StandaloneApp';

export function renderStandalone(root: Root): void {
  root.render(
    <ThemeRoot>
      <StandaloneApp />
    </ThemeRoot>,
  );
}
