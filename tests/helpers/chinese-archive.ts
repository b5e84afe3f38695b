/**
 * A Chinese archive for the search tests: long briefs written in Chinese from a vocabulary of
 * a few hundred words, deterministic (seeded), tagged with entities of an existing corpus. Its
 * sentences are word salad, which is what a phrase test needs: a run of eight characters from
 * one brief is found in no other, while each of its words is common.
 */
import { Random } from '../../scripts/bench/random.ts';

const NOUNS =
  `企业 市场 价格 产量 出口 进口 政策 监管 行业 技术 设备 原料 矿山 冶炼 分离 产能 需求 供应
库存 订单 合同 项目 投资 资金 银行 债券 利润 成本 税收 关税 配额 许可 标准 认证 环保 能源 电力 港口
物流 运输 仓储 客户 买家 工厂 工人 工资 就业 区域 省份 城市 园区 基地 集团 股东 战略 规划 目标 指标
数据 统计 报告 公告 文件 会议 论坛 协会 专家 学者 媒体 汽车 电池 电机 风电 光伏 芯片 磁体 合金 金属
矿石 精矿 废料 储备 安全 风险 竞争 合作 贸易 谈判 协议 制裁 调查 审查 处罚 专利 研发 创新 人才 质量
效率 周期 季度 年度 渠道 平台 体系 机制 格局 趋势 前景 压力 动力 优势 短板 链条 环节 龙头 中游 下游
上游 终端 样品 货物 船舶 海关 口岸 仓库 期货 现货 指数 利率 汇率 信贷 融资 估值 份额 规模 结构 布局`
    .split(/\s+/)
    .filter(Boolean);
const VERBS =
  `推动 加快 扩大 减少 提高 降低 完善 优化 调整 发布 实施 执行 落实 加强 支持 鼓励 限制 禁止
审批 核准 暂停 恢复 延长 签署 宣布 披露 公布 启动 完成 建设 投产 升级 改造 整合 重组 收购 出售 转让
开发 勘探 开采 加工 监测 评估 预测 分析 讨论 研究 关注 回应 否认 确认 承诺 推进 拓展 巩固 稳定 释放`
    .split(/\s+/)
    .filter(Boolean);
const MODIFIERS =
  `明显 持续 稳步 大幅 小幅 全面 重点 主要 长期 短期 新型 传统 高端 绿色 智能 国内 海外 全球
地方 中央 进一步 逐步 积极 审慎 统一 分散 集中 有序 快速 缓慢`
    .split(/\s+/)
    .filter(Boolean);
const TIMES = `今年 去年 明年 近期 此前 目前 随后 同期 上半年 下半年 年初 年底 本月 上月 本周`
  .split(/\s+/)
  .filter(Boolean);

/** A sentence: a time, then clauses of modifier–verb–noun–noun, ending with a full stop. */
function sentence(random: Random): string {
  const clauses = Array.from({ length: random.int(2, 4) }, () =>
    [
      random.chance(0.5) ? random.pick(MODIFIERS) : '',
      random.pick(VERBS),
      random.pick(NOUNS),
      random.pick(NOUNS),
      random.chance(0.5) ? random.pick(NOUNS) : '',
    ].join(''),
  );
  return `${random.pick(TIMES)}${random.pick(NOUNS)}${clauses.join('，')}。`;
}

export interface ChineseBrief {
  /** Path under the content folder. */
  path: string;
  slug: string;
  title: string;
  /** The body: the text whose phrases the tests search. */
  body: string;
  text: string;
}

export interface ChineseArchiveOptions {
  briefs: number;
  seed: string;
  /** Entity slugs by kind to tag the briefs with (one to three of each kind given). */
  entities: Record<string, string[]>;
  /** Characters per body, about. */
  length?: number;
}

/** Briefs in Chinese, dated over 2018–2026. */
export function chineseArchive(options: ChineseArchiveOptions): ChineseBrief[] {
  const random = new Random(options.seed);
  const length = options.length ?? 2000;
  return Array.from({ length: options.briefs }, (_, i) => {
    const slug = `zh-brief-${String(i + 1).padStart(4, '0')}`;
    const year = 2018 + (i % 9);
    const date = `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const title = `${random.pick(NOUNS)}${random.pick(VERBS)}${random.pick(NOUNS)}${random.pick(NOUNS)}：${random.pick(MODIFIERS)}${random.pick(VERBS)}${random.pick(NOUNS)}`;
    const paragraphs: string[] = [];
    let size = 0;
    while (size < length) {
      const paragraph = Array.from({ length: random.int(3, 6) }, () => sentence(random)).join('');
      paragraphs.push(paragraph);
      size += paragraph.length;
    }
    const refs = Object.entries(options.entities)
      .filter(([, slugs]) => slugs.length)
      .map(([kind, slugs]) => {
        const picked = new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(slugs)));
        return `${kind}: [${[...picked].join(', ')}]`;
      });
    const body = paragraphs.join('\n\n');
    const text = [
      '---',
      `title: "${title}"`,
      `date: ${date}`,
      `summary: "${sentence(random)}${sentence(random)}"`,
      'highlights:',
      `  - "${sentence(random)}"`,
      ...refs,
      'sources:',
      `  - title: "${random.pick(NOUNS)}${random.pick(NOUNS)}报告"`,
      '    publisher: 新华社',
      `    url: https://example.com/zh/${slug}`,
      `    date: ${date}`,
      '---',
      body,
      '',
    ].join('\n');
    return { path: `briefs/${year}/${slug}.md`, slug, title, body, text };
  });
}
