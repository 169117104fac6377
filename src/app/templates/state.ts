/** The 模板 domain: the chosen template, its options per kind, and what was inserted. */
import type {
  DepartmentTemplateOptions,
  ListTemplateOptions,
  ProjectTemplateOptions,
  TemplateKind,
} from '../../templates';

export interface TemplateOptionsState {
  readonly project: ProjectTemplateOptions;
  readonly department: DepartmentTemplateOptions;
  readonly list: ListTemplateOptions;
}

export interface TemplatesState {
  readonly kind: TemplateKind;
  readonly options: TemplateOptionsState;
  readonly status: 'idle' | 'inserting';
  readonly error: string | null;
  /** names of the sheets inserted, newest last */
  readonly inserted: ReadonlyArray<string>;
}

export function initialTemplatesState(year: number): TemplatesState {
  return {
    kind: 'project',
    options: {
      project: { year, unit: '万元', cost: 'output', multiYear: false, rows: 2 },
      department: { year, cost: 'output', rows: 1, tasks: 5 },
      list: {
        year,
        unit: '万元',
        cost: 'output',
        multiYear: false,
        units: 1,
        projects: 3,
        rows: 4,
      },
    },
    status: 'idle',
    error: null,
    inserted: [],
  };
}

export type TemplatesAction =
  | { type: 'templates/kindChosen'; kind: TemplateKind }
  | {
      type: 'templates/optionsChanged';
      kind: TemplateKind;
      options: Partial<TemplateOptionsState[TemplateKind]>;
    }
  | { type: 'templates/insertStarted' }
  | { type: 'templates/inserted'; sheet: string }
  | { type: 'templates/insertFailed'; message: string }
  | { type: 'templates/dismissed' };

export function templatesReducer(state: TemplatesState, action: TemplatesAction): TemplatesState {
  switch (action.type) {
    case 'templates/kindChosen':
      return { ...state, kind: action.kind };
    case 'templates/optionsChanged':
      return {
        ...state,
        options: {
          ...state.options,
          [action.kind]: { ...state.options[action.kind], ...action.options },
        },
      };
    case 'templates/insertStarted':
      return { ...state, status: 'inserting', error: null };
    case 'templates/inserted':
      return { ...state, status: 'idle', inserted: [...state.inserted, action.sheet] };
    case 'templates/insertFailed':
      return { ...state, status: 'idle', error: action.message };
    case 'templates/dismissed':
      return { ...state, error: null };
    default:
      return state;
  }
}

/** The template names a clerk knows, and one line on each. */
export const TEMPLATE_INFO: Readonly<
  Record<TemplateKind, { readonly title: string; readonly description: string }>
> = {
  project: {
    title: '项目支出绩效目标表',
    description: '一个项目：预算、资金用途、绩效目标和三级指标表。',
  },
  department: {
    title: '部门整体支出绩效目标表',
    description: '一个部门一年：预算整体情况、重点工作任务和绩效指标。',
  },
  list: {
    title: '项目支出绩效目标汇总表',
    description: '一个部门的全部项目：资金来源和打包的绩效指标。',
  },
};
