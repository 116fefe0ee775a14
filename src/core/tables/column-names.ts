import type { TableCode } from './codes';

/** zh-CN names of the model's column and line keys, as the tables print them (for messages). */
export const COLUMN_NAMES: Partial<Record<TableCode, Record<string, string>>> = {
  '02': {
    total: '本年收入合计',
    fiscal: '财政拨款收入',
    superior: '上级补助收入',
    business: '事业收入',
    operating: '经营收入',
    affiliated: '附属单位上缴收入',
    other: '其他收入',
  },
  '03': {
    total: '本年支出合计',
    basic: '基本支出',
    project: '项目支出',
    toSuperior: '上缴上级支出',
    operating: '经营支出',
    toAffiliated: '对附属单位补助支出',
  },
  '04': { total: '合计', gpb: '一般公共预算财政拨款', gf: '政府性基金预算财政拨款', soc: '国有资本经营预算财政拨款' },
  '05': { total: '合计', basic: '基本支出', project: '项目支出' },
  '07': { opening: '年初结转和结余', income: '本年收入', total: '本年支出合计', basic: '基本支出', project: '项目支出', closing: '年末结转和结余' },
  '08': { opening: '年初结转和结余', income: '本年收入', total: '本年支出合计', basic: '基本支出', project: '项目支出', closing: '年末结转和结余' },
  '09': {
    total: '合计',
    abroad: '因公出国（境）费',
    vehicleTotal: '公务用车购置及运行维护费小计',
    vehiclePurchase: '公务用车购置费',
    vehicleOperation: '公务用车运行维护费',
    reception: '公务接待费',
  },
};

export const LINE_NAMES: Record<'01' | '04', Record<string, string>> = {
  '01': {
    gpb: '一般公共预算财政拨款收入',
    gf: '政府性基金预算财政拨款收入',
    soc: '国有资本经营预算财政拨款收入',
    fiscal: '财政拨款收入',
    superior: '上级补助收入',
    business: '事业收入',
    operating: '经营收入',
    affiliated: '附属单位上缴收入',
    other: '其他收入',
    totalIncome: '本年收入合计',
    useNonFiscalBalance: '使用非财政拨款结余',
    openingBalance: '年初结转和结余',
    grandTotal: '总计',
    totalExpense: '本年支出合计',
    balanceDistribution: '结余分配',
    closingBalance: '年末结转和结余',
  },
  '04': {
    gpb: '一般公共预算财政拨款',
    gf: '政府性基金预算财政拨款',
    soc: '国有资本经营预算财政拨款',
    totalIncome: '本年收入合计',
    openingBalance: '年初财政拨款结转和结余',
    openingGpb: '年初结转（一般公共预算财政拨款）',
    openingGf: '年初结转（政府性基金预算财政拨款）',
    openingSoc: '年初结转（国有资本经营预算财政拨款）',
    grandTotal: '总计',
    totalExpense: '本年支出合计',
    closingBalance: '年末财政拨款结转和结余',
    closingGpb: '年末结转（一般公共预算财政拨款）',
    closingGf: '年末结转（政府性基金预算财政拨款）',
    closingSoc: '年末结转（国有资本经营预算财政拨款）',
  },
};

export function columnName(table: TableCode, key: string): string {
  return COLUMN_NAMES[table]?.[key] ?? key;
}
