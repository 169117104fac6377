import { parsePackedIndicators, type PackedItem } from '../../src/engine/forms/packed';

/** items as [number, level1, level2, name, 'period:text' …] for compact tables */
const flat = (items: PackedItem[]) =>
  items.map((i) => [
    i.number,
    i.level1,
    i.level2,
    i.name,
    ...i.values.map((v) => `${v.period}:${v.text}`),
  ]);

// Real cells, exactly as the fixtures hold them (guangzhou-env: style 1; guangzhou-panyu: style 2).
const ENV_SMART_SUPERVISION =
  '1、产出指标：系统故障次数，年度指标值：根据年度工作计划和总结确定，如：年度系统故障次数≤5次。2、效益指标：服务覆盖率，年度指标值：≥90%。3、产出指标：验收实施率，年度指标值：100%。4、效益指标：环境执法智能指挥调度平台用户数，年度指标值：＞4000。';
const ENV_REVIEW =
  '1、满意度指标：服务对象满意度，年度指标值：≥90%。2、产出指标：培训次数，年度指标值：2次。3、产出指标：项目评审开展现场踏勘的数量，年度指标值：≥60。4、产出指标：评审会成本，年度指标值：《330。5、产出指标：评审（评估）意见采纳率，年度指标值：≥95%。6、产出指标：项目评审（评估）完成率，年度指标值：≥90%。7、效益指标：带动企业环保投入，年度指标值：≥5060万元。';
const ENV_PURCHASE =
  '1、产出指标：设备通过验收投入使用后，持续用于海洋环境监测任务。，年度指标值：是。2、产出指标：计量仪器需通过检定/校准，年度指标值：符合要求。3、产出指标：实验室专业设备购置数量，年度指标值：2台（套）。4、效益指标：设备使用率，年度指标值：100%。5、效益指标：保证相关检测项目的开展。（是/否），年度指标值：是。6、满意度指标：反映设备使用人员对新设备使用的满意情况，年度指标值：100%。7、产出指标：设备验收达标率，年度指标值：100%。8、产出指标：电梯购置数量，年度指标值：1台。';
const ENV_OPERATIONS_RESTART =
  '1、产出指标：运营维护数量（全年维护次数），年度指标值：≥100次。2、产出指标：故障响应率（%），年度指标值：100%。3、效益指标：全年主干网络系统通畅率.，年度指标值：≥95%。4、满意度指标：目标群体满意率，年度指标值：≥90%。1、产出指标：重大故障次数（全年信息系统出现重大故障次数），年度指标值：≤2次。';
/** The same cell as the PDF wrapped it: line breaks inside words (`年度指标\n值：`, `≥\n5060万元`). */
const ENV_REVIEW_WRAPPED = [
  '1、满意度指标：服务对象满意度，年度指标值：≥90%。2、产出指',
  '标：培训次数，年度指标值：2次。3、产出指标：项目评审开展现场',
  '踏勘的数量，年度指标值：≥60。4、产出指标：评审会成本，年度',
  '指标值：《330。5、产出指标：评审（评估）意见采纳率，年度指标',
  '值：≥95%。6、产出指标：项目评审（评估）完成率，年度指标',
  '值：≥90%。7、效益指标：带动企业环保投入，年度指标值：≥',
  '5060万元。',
].join('\n');
const ENV_OPERATIONS_WRAPPED = [
  '1、产出指标：运营维护数量（全年维护次数），年度指标值：≥100',
  '次。2、产出指标：故障响应率（%），年度指标值：100%。3、效益',
  '指标：全年主干网络系统通畅率.，年度指标值：≥95%。4、满意度',
  '指标：目标群体满意率，年度指标值：≥90%。1、产出指标：重大',
  '故障次数（全年信息系统出现重大故障次数），年度指标值：≤2次',
  '。',
].join('\n');

const PANYU_VEHICLES =
  '1、1-产出指标；11-数量指标；购置车辆数量；实施周期指标值:车2台；年度指标值:车2台。2、1-产出指标；12-质量指标；验收合格率；实施周期指标值:100%；年度指标值:100%。3、1-产出指标；13-时效指标；车辆到位率；实施周期指标值:100%；年度指标值:100%。4、2-效益指标；22-社会效益；提升公共服务水平；实施周期指标值:有效提升；年度指标值:有效提升。5、2-效益指标；24-可持续影响；车辆使用率；实施周期指标值:100%；年度指标值:100%。';
const PANYU_POLLUTION_SAFETY =
  '<p>1、1-产出指标;11-数量指标;帮扶污染源数;实施周期指标值:≥450家;年度指标值:≥450家。2、1-产出指标;12-质量指标;专家评审通过率;实施周期指标值:≥100%;年度指标值:≥100%。3、1-产出指标;13-时效指标;报告编制完成及时性;实施周期指标值:100%;年度指标值:100%。4、2-效益指标;21-经济效益;为污染源提高污染治理水平及环境安全能力提出建议;实施周期指标值:提出建议污染源数≥450家;年度指标值:提出建议污染源数≥450家。</p>';
const PANYU_IT_OPERATIONS =
  '<p>1、1-产出指标；11-数量指标；系统数量；实施周期指标值:2个；年度指标值:2个。2、1-产出指标；12-质量指标；系统维护；数据整合、对接；实施周期指标值:提供了安全、及时、高效、可用的运行保障。完成数据库整合、污染源企业的基本资料及环保业务数据。；年度指标值:提供了安全、及时、高效、可用的运行保障。完成数据库整合、污染源企业的基本资料及环保业务数据。3、1-产出指标；12-质量指标；网络与系统日常运行；实施周期指标值:正常运行100%；年度指标值:正常运行100%。</p>';
const PANYU_WATER_ITEM_3_4 =
  '3、1-产出指标；12-质量指标；报告质量；实施周期指标值:提交的报告通过专家技术评审。；年度指标值:提交阶段成果报告。4、1-产出指标；12-质量指标；确保饮用水水源水质稳定达标；实施周期指标值:沙湾水道饮用水水源水质达标达到100%。；年度指标值:沙湾水道饮用水水源水质达标达到100%。';
const PANYU_ONLINE_ITEMS =
  '1、1-产出指标；11-数量指标；1.日常系统巡查监督和管理；实施周期指标值:国发平台单位每天巡查三次、市平台单位每天巡查两次、区平台单位每天巡查一次；年度指标值:国发平台单位每天巡查三次、市平台单位每天巡查两次、区平台单位每天巡查一次。2、1-产出指标；11-数量指标；在线单位现场巡查；实施周期指标值:市重点排污单位每月两次，其他排污单位每月一次；年度指标值:市重点排污单位每月两次，其他排污单位每月一次。10、2-效益指标；21-经济效益；自动监控设备正常运行数据，在线监控设备总体传输率达标；实施周期指标值:有效传输率为75%；年度指标值:有效传输率为75%。';
const PANYU_CANTEEN =
  '10、3-满意度指标;31-服务对象满意度;食堂服务满意度;实施周期指标值:≥90;年度指标值:≥90。</p>';

describe('parsePackedIndicators — style 1 (guangzhou-env)', () => {
  it.each<[string, string, unknown[][]]>([
    [
      '智能监管调度: a value holding ， and ：',
      ENV_SMART_SUPERVISION,
      [
        [
          1,
          '产出指标',
          '',
          '系统故障次数',
          'annual:根据年度工作计划和总结确定，如：年度系统故障次数≤5次',
        ],
        [2, '效益指标', '', '服务覆盖率', 'annual:≥90%'],
        [3, '产出指标', '', '验收实施率', 'annual:100%'],
        [4, '效益指标', '', '环境执法智能指挥调度平台用户数', 'annual:＞4000'],
      ],
    ],
    [
      '审查工作经费: 《330 and ≥5060万元',
      ENV_REVIEW,
      [
        [1, '满意度指标', '', '服务对象满意度', 'annual:≥90%'],
        [2, '产出指标', '', '培训次数', 'annual:2次'],
        [3, '产出指标', '', '项目评审开展现场踏勘的数量', 'annual:≥60'],
        [4, '产出指标', '', '评审会成本', 'annual:《330'],
        [5, '产出指标', '', '评审（评估）意见采纳率', 'annual:≥95%'],
        [6, '产出指标', '', '项目评审（评估）完成率', 'annual:≥90%'],
        [7, '效益指标', '', '带动企业环保投入', 'annual:≥5060万元'],
      ],
    ],
    [
      '信息化运维: the numbering starts again at 1、 after item 4',
      ENV_OPERATIONS_RESTART,
      [
        [1, '产出指标', '', '运营维护数量（全年维护次数）', 'annual:≥100次'],
        [2, '产出指标', '', '故障响应率（%）', 'annual:100%'],
        [3, '效益指标', '', '全年主干网络系统通畅率.', 'annual:≥95%'],
        [4, '满意度指标', '', '目标群体满意率', 'annual:≥90%'],
        [1, '产出指标', '', '重大故障次数（全年信息系统出现重大故障次数）', 'annual:≤2次'],
      ],
    ],
  ])('%s', (_label, cell, expected) => {
    expect(flat(parsePackedIndicators(cell))).toEqual(expected);
  });

  it('keeps names that hold 。 and （是/否） as written', () => {
    const items = parsePackedIndicators(ENV_PURCHASE);
    expect(items).toHaveLength(8);
    expect(items[0].name).toBe('设备通过验收投入使用后，持续用于海洋环境监测任务。');
    expect(items[4].name).toBe('保证相关检测项目的开展。（是/否）');
    expect(items[5].level1).toBe('满意度指标');
    expect(items[7].values).toEqual([{ period: 'annual', text: '1台' }]);
  });

  it.each([
    ['审查工作经费', ENV_REVIEW_WRAPPED, ENV_REVIEW],
    ['信息化运维 (restart, `≤2次\\n。`)', ENV_OPERATIONS_WRAPPED, ENV_OPERATIONS_RESTART],
  ])('reads the PDF-wrapped %s cell like the joined one', (_label, wrapped, joined) => {
    expect(parsePackedIndicators(wrapped)).toEqual(parsePackedIndicators(joined));
  });
});

describe('parsePackedIndicators — style 2 with codes (guangzhou-panyu)', () => {
  it('购置经费: codes kept as written, both periods in order', () => {
    expect(flat(parsePackedIndicators(PANYU_VEHICLES))).toEqual([
      [1, '1-产出指标', '11-数量指标', '购置车辆数量', 'period:车2台', 'annual:车2台'],
      [2, '1-产出指标', '12-质量指标', '验收合格率', 'period:100%', 'annual:100%'],
      [3, '1-产出指标', '13-时效指标', '车辆到位率', 'period:100%', 'annual:100%'],
      [4, '2-效益指标', '22-社会效益', '提升公共服务水平', 'period:有效提升', 'annual:有效提升'],
      [5, '2-效益指标', '24-可持续影响', '车辆使用率', 'period:100%', 'annual:100%'],
    ]);
  });

  it('污染源环境安全技术评估: `;` separators inside <p>…</p>', () => {
    expect(flat(parsePackedIndicators(PANYU_POLLUTION_SAFETY))).toEqual([
      [1, '1-产出指标', '11-数量指标', '帮扶污染源数', 'period:≥450家', 'annual:≥450家'],
      [2, '1-产出指标', '12-质量指标', '专家评审通过率', 'period:≥100%', 'annual:≥100%'],
      [3, '1-产出指标', '13-时效指标', '报告编制完成及时性', 'period:100%', 'annual:100%'],
      [
        4,
        '2-效益指标',
        '21-经济效益',
        '为污染源提高污染治理水平及环境安全能力提出建议',
        'period:提出建议污染源数≥450家',
        'annual:提出建议污染源数≥450家',
      ],
    ]);
  });

  it('信息化运维: a name holding a separator (`系统维护；数据整合、对接`)', () => {
    const items = parsePackedIndicators(PANYU_IT_OPERATIONS);
    expect(items).toHaveLength(3);
    expect(items[1].name).toBe('系统维护；数据整合、对接');
    expect(items[1].level2).toBe('12-质量指标');
    expect(items[1].values.map((v) => v.period)).toEqual(['period', 'annual']);
    expect(items[1].values[0].text).toBe(
      '提供了安全、及时、高效、可用的运行保障。完成数据库整合、污染源企业的基本资料及环保业务数据。',
    );
  });

  it('水污染防治: a value’s own 。 before ； is kept, the item’s closing 。 is not', () => {
    expect(flat(parsePackedIndicators(PANYU_WATER_ITEM_3_4))).toEqual([
      [
        3,
        '1-产出指标',
        '12-质量指标',
        '报告质量',
        'period:提交的报告通过专家技术评审。',
        'annual:提交阶段成果报告',
      ],
      [
        4,
        '1-产出指标',
        '12-质量指标',
        '确保饮用水水源水质稳定达标',
        'period:沙湾水道饮用水水源水质达标达到100%。',
        'annual:沙湾水道饮用水水源水质达标达到100%',
      ],
    ]);
  });

  it('污染源在线: `1.` inside a name, `，` inside names and values, two-digit numbers', () => {
    const items = parsePackedIndicators(PANYU_ONLINE_ITEMS);
    expect(items.map((i) => i.number)).toEqual([1, 2, 10]);
    expect(items[0].name).toBe('1.日常系统巡查监督和管理');
    expect(items[1].values[0].text).toBe('市重点排污单位每月两次，其他排污单位每月一次');
    expect(items[2].name).toBe('自动监控设备正常运行数据，在线监控设备总体传输率达标');
    expect(items[2].level2).toBe('21-经济效益');
  });

  it('其他运行经费 item 10: 3-满意度指标 with a value lacking its unit', () => {
    expect(flat(parsePackedIndicators(PANYU_CANTEEN))).toEqual([
      [10, '3-满意度指标', '31-服务对象满意度', '食堂服务满意度', 'period:≥90', 'annual:≥90'],
    ]);
  });
});

describe('parsePackedIndicators — variants', () => {
  it.each<[string, string, unknown[][]]>([
    ['blank cell', '', []],
    ['markup only', '<p></p>&nbsp;', []],
    [
      'mixed colons and separators',
      '1、1-产出指标;11-数量指标；车辆数;实施周期指标值：2台；年度指标值:2台。',
      [[1, '1-产出指标', '11-数量指标', '车辆数', 'period:2台', 'annual:2台']],
    ],
    [
      'style 1 with a 二级 before the name',
      '1、产出指标：数量指标：购置数量，年度指标值：2台。',
      [[1, '产出指标', '数量指标', '购置数量', 'annual:2台']],
    ],
    [
      'no numbering, one item',
      '产出指标：系统故障次数，年度指标值：≤5次',
      [[null, '产出指标', '', '系统故障次数', 'annual:≤5次']],
    ],
    [
      'no numbering, items after 。',
      '产出指标：系统故障次数，年度指标值：≤5次。效益指标：服务覆盖率，年度指标值：≥90%。',
      [
        [null, '产出指标', '', '系统故障次数', 'annual:≤5次'],
        [null, '效益指标', '', '服务覆盖率', 'annual:≥90%'],
      ],
    ],
    [
      'one item per line, no closing 。',
      '1、产出指标：完成率，年度指标值：100%\n2、效益指标：覆盖率，年度指标值：是',
      [
        [1, '产出指标', '', '完成率', 'annual:100%'],
        [2, '效益指标', '', '覆盖率', 'annual:是'],
      ],
    ],
    [
      'a value running into the next number (`9` + `2、`)',
      '1、产出指标：聘用人员数量，年度指标值：92、产出指标：考核通过率，年度指标值：100%。',
      [
        [1, '产出指标', '', '聘用人员数量', 'annual:9'],
        [2, '产出指标', '', '考核通过率', 'annual:100%'],
      ],
    ],
    [
      '`3、4季度` inside a name is no item number',
      '1、产出指标：完成3、4季度巡查，年度指标值：100%。2、效益指标：覆盖率，年度指标值：是。',
      [
        [1, '产出指标', '', '完成3、4季度巡查', 'annual:100%'],
        [2, '效益指标', '', '覆盖率', 'annual:是'],
      ],
    ],
    [
      'entities decoded: &lt; stands for <',
      '<p>1、产出指标：故障次数，年度指标值：&lt;5次。</p>',
      [[1, '产出指标', '', '故障次数', 'annual:<5次']],
    ],
    [
      'an item without a value',
      '1、产出指标：故障次数。2、效益指标：覆盖率，年度指标值：是。',
      [
        [1, '产出指标', '', '故障次数'],
        [2, '效益指标', '', '覆盖率', 'annual:是'],
      ],
    ],
    [
      'a plain 指标值 is this year’s',
      '1、产出指标：故障次数，指标值：≤5次。',
      [[1, '产出指标', '', '故障次数', 'annual:≤5次']],
    ],
    [
      'CRLF line breaks inside a label',
      '1、产出指标：故障次数，年度指标\r\n值：≤5次。',
      [[1, '产出指标', '', '故障次数', 'annual:≤5次']],
    ],
  ])('%s', (_label, cell, expected) => {
    expect(flat(parsePackedIndicators(cell))).toEqual(expected);
  });

  // speed is the bench's job (npm run bench); this checks every cell of a long run is read
  it('reads 10,000 cells, five indicators each', () => {
    const cells = Array.from({ length: 10_000 }, (_, i) => `${PANYU_VEHICLES}${i}`);
    let n = 0;
    for (const c of cells) n += parsePackedIndicators(c).length;
    expect(n).toBe(50_000);
  });
});
