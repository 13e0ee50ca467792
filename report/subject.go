package report

import (
	"regexp"
	"strings"
)

// The words every work report uses around a subject, none of them a noun:
// time and place words that open a sentence, the verbs of reporting and
// doing, and the words that close a clause.
var (
	leadTime = regexp.MustCompile(`^(截至|截止|到|至|在)?(\d{4}\s*年(底|末|全年|上半年)?|近[两二三四五六七八九十\d]年(来)?|过去的?[一五]年|[一五]年来|五年(累计)?|全年|[一二三四五六七八九十]是|我们|今年|去年|明年|上半年|目前|当前|其中|同时|此外|另外|[全我本][镇县区市乡街旗]|全镇域|全街道|辖区内?)`)
	verbs    = strings.Fields(`
		完成了 实现了 达到了 确保了 将 成功 完成 实现 达到 增至 为 共有 拥有 现有 共计 新培育 新认定 新引进 新扩建 新扩 新开发 新备案 新注册 新登记 新聘任 新聘 新招录 新招聘 合计 总计 累计 预计 力争 计划 确保 争取 全年 新增 全部 分别 超过 突破 接近 将近 已经 年均 进一步
		引进 投入 建设 建成 新建 改建 扩建 续建 改造 提升 启动 实施 推进 推动 发放 拨付 解决 兑现 减免 帮助 组织 开展 举办 落实 培育 认定 获评 吸引 吸纳 带动 安置 惠及 受理 办理 办结 处理 救助 资助 帮扶
		整治 治理 发生 拆除 清理 关停 取缔 出让 获得 申请 享受 接入 覆盖 培训 招聘 签约 签订 引导 支持 扶持 筹集 募集 开工 竣工 投产 新开工 改善 修建 修缮 铺设 种植 栽植 新植 收储 征收 搬迁 安装 更新
		全力 积极 努力 大力 着力 主动
		配备 建立 设立 成立 组建 创建 打造 增设 检查 排查 督查 查处 整改 化解 调解 接待 走访 慰问 救治 检测 完善 通过 启用 投用 建好 用好 争创 创成 评为 荣获 获 带领 发动 动员 聘请 招引 储备 谋划 包装 入库 储备 盘活 消化 腾退`)
	trailing = strings.Fields(`力争 确保 预期 争取 稳定在 保持在 等 的 了 达 达到 增至 调整为 优化为 为 是 约 近 超过 突破 逾 分别 实现 完成 全部 和 及 与 控制在 累计 预计 共 共计 合计 总计 计 已 将 均 总数 年均`)
)

// dateWords are a date inside a subject: 支行2020年12月底存款余额.
var dateWords = regexp.MustCompile(`(截至|截止|到|至)?\d{4}年(1\s*[-—－~～至到]\s*\d{1,2}月(份)?|\d{1,2}月|上半年|前三季度)?(底|末|初)?(的)?`)

// clean reduces a clause fragment to the noun it names: no time words, no
// verbs or qualifiers at either end, no quotation marks or spaces. What is
// left of a fragment that was only a verb is "".
// bracketAside and asideTail: an aside such as （下同） or （含基金）, and the
// end of one whose opening bracket lies before the text.
var (
	bracketAside = regexp.MustCompile(`[（(][^（）()0-9０-９]{1,10}[）)]`)
	asideTail    = regexp.MustCompile(`^[^（）()0-9０-９]{1,10}[）)]`)
)

func clean(s string) string {
	s = strings.NewReplacer("“", "", "”", "", " ", "", "　", "", "\u00a0", "", "累计完成", "", "累计实现", "", "预计完成", "", "预计实现", "").Replace(s)
	// 预计（下同）全县生产总值: an aside in brackets with no figure in it is
	// no part of the name; nor is the tail of one the subject began inside.
	s = bracketAside.ReplaceAllString(s, "")
	s = asideTail.ReplaceAllString(s, "")
	s = dateWords.ReplaceAllString(s, "")
	// GDP is how many reports write 地区生产总值 (占GDP比重, GDP增长9%).
	// 单位GDP能耗 is the name of an energy intensity and stays.
	s = strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(s, "单位GDP", "\x01"), "GDP", "地区生产总值"), "\x01", "单位GDP")
	s = strings.Trim(s, "《》（）()—-－−")
	// 二七区生产总值: a place's own name before 生产总值 is the region.
	if !strings.Contains(s, "地区生产总值") { // 人均地区生产总值 keeps its 人均
		s = placeOutput.ReplaceAllString(s, "地区生产总值")
	}
	// 第二产业占比: the sector's share of the output.
	s = sectorShare.ReplaceAllString(s, "第${1}产业增加值占地区生产总值比重")
	keeps := func(rest string) bool { return len([]rune(rest)) >= 2 }
	for changed := true; changed; {
		changed = false
		if rest := leadTime.ReplaceAllString(s, ""); rest != s && rest != "" {
			s, changed = rest, true
		}
		// Strip a word only when a noun of two characters or more remains:
		// verbs from the front (建成 服务站), only closing words from the end
		// (固定资产投资 keeps its 投资).
		for _, v := range verbs {
			if rest := strings.TrimPrefix(s, v); rest != s && keeps(rest) {
				s, changed = rest, true
			}
			// 共办理诉求: 共 before a verb sums, and names nothing.
			if rest := strings.TrimPrefix(s, "共"+v); rest != s && keeps(rest) {
				s, changed = rest, true
			}
		}
		for _, v := range trailing {
			if rest := strings.TrimSuffix(s, v); rest != s && keeps(rest) {
				s, changed = rest, true
			}
		}
	}
	// 产业集群实现总产值: 实现 only states a level, inside a subject too.
	if i := strings.Index(s, "实现"); i > 0 && len(s) > i+len("实现") {
		s = s[:i] + s[i+len("实现"):]
	}
	s = strings.Trim(s, "《》（）()—-－−")
	if isWord[s] || len([]rune(s)) == 1 || leadTime.ReplaceAllString(s, "") == "" {
		return "" // a verb or a time word alone (五年 of 五年年均增长)
	}
	return s
}

var (
	placeOutput = regexp.MustCompile(`^\p{Han}{2,4}[区县市镇乡旗]生产总值`)
	sectorShare = regexp.MustCompile(`^第([一二三])产业(增加值)?(占比|比重)$`)
)

var isWord = map[string]bool{}

func init() {
	for _, w := range preWords {
		trailing = append(trailing, w.word)
	}
	for _, ws := range [][]string{verbs, trailing, growthWords, declineWords} {
		for _, v := range ws {
			isWord[v] = true
		}
	}
}
