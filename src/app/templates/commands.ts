/** 模板 commands: insert the chosen template into a new, uniquely named sheet and select it. */
import { buildTemplate } from '../../templates';
import type { AppContext } from '../context';
import { errorMessage, unwrap } from '../errors';
import { moveSelection } from '../selection';

export async function insertTemplate(ctx: AppContext): Promise<string | null> {
  const { store, host } = ctx;
  const state = store.getState().templates;
  if (state.status === 'inserting') return null;
  store.dispatch({ type: 'templates/insertStarted' });
  try {
    const spec = buildTemplate(state.kind, state.options[state.kind]);
    const name = unwrap(await host.insertSheetFromSpec(spec.sheet, spec.sheet.name || spec.name));
    // The host activates the new sheet; select its top-left cell so that the user sees the title.
    await moveSelection(host, store.dispatch, name, 'A1');
    store.dispatch({ type: 'templates/inserted', sheet: name });
    return name;
  } catch (e) {
    store.dispatch({ type: 'templates/insertFailed', message: errorMessage(e, '插入模板') });
    return null;
  }
}
