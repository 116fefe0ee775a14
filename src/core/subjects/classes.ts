/**
 * The 类 rows of 公开01表 and 公开04表 (支出功能分类, domain.md §1.3), in printed order.
 * `aliases` are older or regional names of the same 类, matched after normalizeLabel.
 * A workbook may print any subset (24 or 26 rows): the reader keys rows by name, never by 行次.
 */
export interface ClassRow {
  code: string;
  name: string;
  aliases: string[];
}

export const CLASS_ROWS: readonly ClassRow[] = [
  { code: '201', name: '一般公共服务支出', aliases: [] },
  { code: '202', name: '外交支出', aliases: [] },
  { code: '203', name: '国防支出', aliases: [] },
  { code: '204', name: '公共安全支出', aliases: [] },
  { code: '205', name: '教育支出', aliases: [] },
  { code: '206', name: '科学技术支出', aliases: [] },
  { code: '207', name: '文化旅游体育与传媒支出', aliases: ['文化体育与传媒支出', '文化和旅游体育与传媒支出'] },
  { code: '208', name: '社会保障和就业支出', aliases: [] },
  { code: '210', name: '卫生健康支出', aliases: ['医疗卫生与计划生育支出', '医疗卫生支出'] },
  { code: '211', name: '节能环保支出', aliases: [] },
  { code: '212', name: '城乡社区支出', aliases: ['城乡社区事务支出'] },
  { code: '213', name: '农林水支出', aliases: ['农林水事务支出'] },
  { code: '214', name: '交通运输支出', aliases: [] },
  { code: '215', name: '资源勘探工业信息等支出', aliases: ['资源勘探信息等支出', '资源勘探电力信息等支出'] },
  { code: '216', name: '商业服务业等支出', aliases: [] },
  { code: '217', name: '金融支出', aliases: ['金融监管等事务支出'] },
  { code: '219', name: '援助其他地区支出', aliases: [] },
  { code: '220', name: '自然资源海洋气象等支出', aliases: ['国土海洋气象等支出'] },
  { code: '221', name: '住房保障支出', aliases: [] },
  { code: '222', name: '粮油物资储备支出', aliases: ['粮油物资储备事务支出'] },
  { code: '223', name: '国有资本经营预算支出', aliases: [] },
  { code: '224', name: '灾害防治及应急管理支出', aliases: [] },
  { code: '229', name: '其他支出', aliases: [] },
  { code: '231', name: '债务还本支出', aliases: [] },
  { code: '232', name: '债务付息支出', aliases: [] },
  { code: '234', name: '抗疫特别国债安排的支出', aliases: [] },
];
