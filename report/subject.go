package report

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// The words every work report uses around a subject, none of them a noun:
// time and place words that open a sentence, the verbs of reporting and
// doing, and the words that close a clause.
var (
	leadTime = regexp.MustCompile(`^(截至|截止|到|至|在)?(\d{4}\s*年(底|末|全年|上半年)?|近[两二三四五六七八九十\d]年(来)?|过去的?[一五]年|[一五]年来|[一二三四五六七八九十]年间|五年(累计)?|全年|[一二三四五六七八九十]是|我们|今年|去年|明年|上半年|下半年|当季|当月|本季度|前[一二三]季度|第?[一二三四]季度|\d{1,2}\s*[-—－~～至到]\s*\d{1,2}\s*月份?|目前|当前|其中|同时|此外|另外|[全我本]` + ownArea + `|街道|辖区内?)`)
	verbs    = strings.Fields(`
		完成了 实现了 达到了 确保了 将 成功 完成 实现 达到 增至 为 共有 拥有 现有 共计 新培育 新认定 新引进 新扩建 新扩 新开发 新备案 新注册 新登记 新聘任 新聘 新招录 新招聘 合计 总计 累计 预计 力争 计划 确保 争取 全年 新增 全部 分别 超过 突破 接近 将近 已经 年均 进一步 净增 净减
		引进 投入 建设 建成 新建 改建 扩建 续建 改造 提升 启动 实施 推进 推动 发放 拨付 解决 兑现 减免 帮助 组织 开展 举办 落实 培育 认定 获评 吸引 吸纳 带动 安置 惠及 受理 办理 办结 处理 救助 资助 帮扶
		整治 治理 发生 拆除 清理 关停 取缔 出让 获得 申请 享受 接入 覆盖 培训 招聘 签约 签订 引导 支持 扶持 筹集 募集 开工 竣工 投产 新开工 改善 修建 修缮 铺设 种植 栽植 新植 收储 征收 搬迁 安装 更新
		全力 积极 努力 大力 着力 主动 策划 安排 提供
		配备 建立 设立 成立 组建 创建 打造 增设 检查 排查 督查 查处 整改 化解 调解 接待 走访 慰问 救治 检测 完善 通过 启用 投用 建好 用好 争创 创成 评为 荣获 获 带领 发动 动员 聘请 招引 储备 谋划 包装 入库 储备 盘活 消化 腾退`)
	trailing = strings.Fields(`常年 连年 力争 确保 预期 争取 稳定在 保持在 等 的 了 达 达到 增至 调整为 优化为 为 是 约 近 超过 突破 逾 迈 跨 分别 依次 入库 建成 实现 完成 全部 和 及 与 控制在 累计 预计 共 共计 合计 总计 计 已 将 均 总数 年均 新增`)
)

// dateWords are a date inside a subject: 支行2020年12月底存款余额; with the
// preposition that puts a series at it (收入在2011年突破…, 产值继2023年突破…之后).
var dateWords = regexp.MustCompile(`(截至|截止|到|至|在|继)?\d{4}年(1\s*[-—－~～至到]\s*\d{1,2}月(份)?|\d{1,2}月|上半年|前三季度)?(底|末|初)?(的)?`)

// clean reduces a clause fragment to the noun it names: no time words, no
// verbs or qualifiers at either end, no quotation marks or spaces. What is
// left of a fragment that was only a verb is "".
// bracketAside and asideTail: an aside such as （下同）, and the end of one
// whose opening bracket lies before the text. scopeAside: one that widens
// or narrows what the series covers (（含某片区）, （不含农户）) stays, the
// series is another; an aside with a comma (（含园区，下同）) says how the
// whole passage counts and goes.
var (
	scopeAside      = regexp.MustCompile(`[（(]((不含|含|剔除|扣除)[^（）()0-9０-９，,、]{1,10})[）)]`)
	scopeAsideASCII = regexp.MustCompile(`\(((不含|含|剔除|扣除)[^（）()0-9０-９，,、]{1,10})\)`)
	bracketAside    = regexp.MustCompile(`[（(][^（）()0-9０-９]{1,10}[）)]`)
	asideTail       = regexp.MustCompile(`^[^（）()0-9０-９]{1,10}[）)]`)
)

// sumOrEstimate: 累计 or 预计 with the verb that states the level (and its 了).
var sumOrEstimate = regexp.MustCompile(`(累计|预计)(完成|实现)了?`)

// agreedAmount: an amount of money or investment after 签约 (签约固投额,
// 签约资金, 签约投资额).
var agreedAmount = regexp.MustCompile(`^(固投|投资|资金|金额|总额|总投资|引资|外资|内资)`)

// itemNumber: a list item's number opening a fragment ((8), （3）, 8), 3、, 3．).
var itemNumber = regexp.MustCompile(`^\s*([（(]\s*\d{1,2}\s*[）)]|\d{1,2}\s*[）)、．])\s*`)

// footnoteMark: a note's number in brackets or circled (〔3〕, [1], ［2］, ①).
var footnoteMark = regexp.MustCompile(`〔\d{1,2}〕|\[\d{1,2}\]|［\d{1,2}］|[①-⑳]`)

func clean(s string) string {
	s = subjectNoise.Replace(s)
	// ■全年接待过夜游客, ●新增就业: a bullet opening an item is no part of the name.
	s = strings.Map(func(r rune) rune {
		if r >= 0x25A0 && r <= 0x25FF || r == '★' || r == '☆' || r == '•' {
			return -1
		}
		return r
	}, s)
	s = sumOrEstimate.ReplaceAllString(s, "") // 累计完成, 预计实现了: no part of a name
	// 预计（下同）全县生产总值: an aside in brackets with no figure in it is
	// no part of the name; nor is the tail of one the subject began inside.
	// …（不含农户）: an aside that narrows the scope stays (as 不含农户), the
	// series is another.
	// 建成“扶贫车间”〔3〕: a footnote mark is no part of the name.
	s = footnoteMark.ReplaceAllString(s, "")
	// (8)新建公共厕所, 3、建成服务站: an item's number in a list is no part of the name.
	s = itemNumber.ReplaceAllString(s, "")
	s = scopeAsideASCII.ReplaceAllString(s, "\x05$1\x06") // the report's own brackets kept
	s = scopeAside.ReplaceAllString(s, "\x02$1\x03")
	s = bracketAside.ReplaceAllString(s, "")
	s = asideTail.ReplaceAllString(s, "")
	// 重点项目（新建项目: a bracket opened and not closed starts a breakdown;
	// the noun is what it holds.
	if i := strings.LastIndexAny(s, "（("); i >= 0 && !strings.ContainsAny(s[i:], "）)") {
		_, w := utf8.DecodeRuneInString(s[i:])
		if rest := s[i+w:]; len([]rune(rest)) >= 2 {
			s = rest
		}
	}
	s = dateWords.ReplaceAllString(s, "")
	// GDP is how many reports write 地区生产总值 (占GDP比重, GDP增长9%).
	// 单位GDP能耗 is the name of an energy intensity and stays.
	s = strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(s, "单位GDP", "\x01"), "GDP", "地区生产总值"), "\x01", "单位GDP")

	s = strings.Trim(s, "《》（）()—-－−")
	s = dropSum(s)
	// The statistics' short names, spelled out: 高新企业, 战新.
	s = shortNames.Replace(s)
	// 社零总额受疫情影响下降, 收入剔除留抵退税因素后增长: a cause or an
	// adjustment said of the series is none of its name.
	s = asideCause.ReplaceAllString(s, "")
	// 开展各类招商活动: 各类 and 各种 say "of every kind", no part of a name.
	s = everyKind.Replace(s)

	// 项目累计投资: 累计 says the figure sums, the noun is 项目投资.
	if i := strings.Index(s, "累计"); i > 0 && len(s) > i+len("累计") {
		s = s[:i] + s[i+len("累计"):]
	}
	// 二七区生产总值: a place's own name before 生产总值 is the region.
	if !strings.Contains(s, "地区生产总值") { // 人均地区生产总值 keeps its 人均
		s = placeOutput.ReplaceAllString(s, "地区生产总值")
	}
	// 第二产业占比: the sector's share of the output.
	s = sectorShare.ReplaceAllString(s, "第${1}产业增加值占地区生产总值比重")
	// 所有村集体经营性收入超20万元: every one of them, as 各.
	if strings.HasPrefix(s, "所有") && len([]rune(s)) > 4 {
		s = "各" + strings.TrimPrefix(s, "所有")
	}
	keeps := func(rest string) bool { return len([]rune(rest)) >= 2 }
	afterVerb := false // a verb was stripped from the front
	for changed := true; changed; {
		changed = false
		if rest := leadTime.ReplaceAllString(s, ""); rest != s && rest != "" {
			s, changed = rest, true
		}
		// Strip a word only when a noun of two characters or more remains:
		// verbs from the front (建成 服务站), only closing words from the end
		// (固定资产投资 keeps its 投资).
		for _, v := range verbs {
			// (开工率, 完成额, 投产数: a verb before a noun of rate or amount is part of it.)
			// (签约固投额, 签约资金: 签约 before an amount of money says it is
			// agreed, not yet realized; it stays, and the series is another.)
			if rest := strings.TrimPrefix(s, v); rest != s && keeps(rest) && !conjunction.MatchString(rest) && !strings.ContainsRune("率额量数", []rune(rest)[0]) &&
				!(v == "签约" && agreedAmount.MatchString(rest)) {
				s, changed, afterVerb = rest, true, true
			}
			// 共办理诉求: 共 before a verb sums, and names nothing.
			if rest := strings.TrimPrefix(s, "共"+v); rest != s && keeps(rest) {
				s, changed = rest, true
			}
		}
		// 争取了大小项目, 实施了项目: the aspect particle after a verb
		// stripped is no part of the noun.
		if rest := strings.TrimPrefix(s, "了"); rest != s && keeps(rest) && afterVerb {
			s, changed = rest, true
		}
		for _, v := range trailing {
			// (收入平均, 人均, 户均: 均 closing an average is part of it.)
			if v == "均" && (strings.HasSuffix(s, "平均") || strings.HasSuffix(s, "人均") || strings.HasSuffix(s, "户均")) {
				continue
			}
			if rest := strings.TrimSuffix(s, v); rest != s && keeps(rest) {
				s, changed = rest, true
			}
		}
	}
	// 二三产业比重, 第二、三产业占比: two sectors' share together.
	s = sectorsShare.ReplaceAllString(s, "第${1}、${2}产业增加值占地区生产总值比重")
	// 税收占比, 税占比, 非税占比: a part's share of the budget revenue;
	// 地方税比 the tax share of the local revenue.
	if m := revenueShare.FindStringSubmatch(s); m != nil {
		part := map[string]string{"税": "税收", "税收": "税收", "非税": "非税"}[m[2]]
		whole := "一般公共预算收入"
		if m[1] == "地方" {
			whole = "地方财政收入"
		}
		s = part + "收入占" + whole + "比重"
	}
	// 产业集群实现总产值: 实现 only states a level, inside a subject too.
	if i := strings.Index(s, "实现"); i > 0 && len(s) > i+len("实现") {
		s = s[:i] + s[i+len("实现"):]
	}
	// 项目已完成征地, 项目完成土地清表: so does 完成 before the work done,
	// but not in a rate or amount of completion (完成率, 完成额).
	if loc := doneInside.FindStringSubmatchIndex(s); loc != nil && loc[0] > 0 {
		s = s[:loc[0]] + s[loc[2]:]
	}
	s = strings.Trim(s, "《》（）()—-－−")
	// 经济总量 (the size of the economy) is how reports say 地区生产总值 in a
	// sentence of its level.
	if s == "经济总量" {
		s = "地区生产总值"
	}
	// 播种农作物, 出栏生猪, 收购棉花: the statistics name the crop or stock
	// first (农作物播种面积, 生猪出栏, 棉花收购量).
	if m := farmVerbFirst.FindStringSubmatch(s); m != nil && len([]rune(m[3])) >= 2 {
		s = m[3] + m[1] + m[2]
	}
	if isWord[s] || len([]rune(s)) == 1 || leadTime.ReplaceAllString(s, "") == "" {
		return "" // a verb or a time word alone (五年 of 五年年均增长)
	}
	return bracketsBack.Replace(s)
}

// examples: what follows 等 (or 等地) when items named as examples stand
// before it; s when it holds no such 等 (平等, 高等, 等级, 一等奖).
func examples(s string) string {
	rs := []rune(s)
	for i := len(rs) - 2; i >= 1; i-- {
		if rs[i] != '等' || strings.ContainsRune("平高中同对均初上优次劣特头一二三四五", rs[i-1]) || strings.ContainsRune("级于同待候额次奖", rs[i+1]) {
			continue
		}
		rest := string(rs[i+1:])
		rest = strings.TrimPrefix(rest, "地") // 等地: and other places
		if len([]rune(rest)) >= 2 {
			return rest
		}
	}
	return s
}

// doneInside: 完成 (with 已 before it) inside a subject, before a noun of
// work of two characters or more that is not a rate or amount of it, nor
// the statistics of 完成投资 (investment put in place) or a task done.
var doneInside = regexp.MustCompile(`已?完成(?:了)?([^率额量值数情投任]\p{Han})`)

// asideCause: a cause (受疫情影响) or an adjustment (剔除…因素后, 扣除…后)
// written inside a clause between a series and its figure.
var asideCause = regexp.MustCompile(`受[^，,。；;]{1,10}?影响|(剔除|扣除)[^，,。；;]{1,16}?(因素后|因素|后)`)

// shortNames: the short names reports use for statistical series, spelled
// out in the subject; 规上, 限上 and 固投, which the labels keep as written,
// are read where a name is mapped (fullName).
var shortNames = strings.NewReplacer("高新企业", "高新技术企业", "战新产业", "战略性新兴产业", "战新", "战略性新兴产业")

// farmVerbFirst: a verb of sowing, raising, slaughter or purchase before the
// crop or stock it is of.
var farmVerbFirst = regexp.MustCompile(`^(示范|新)?(播种|种植|出栏|存栏|收购|养殖)(.+)$`)

// conjunction: a verb joined to another (新建和改造村道) is part of the
// name, not a verb to strip alone.
var conjunction = regexp.MustCompile(`^(和|及|与|或|、)`)

// dropSum takes out of a subject the 共 that sums or the 共有 that states a
// stock (园区共有企业, 各村共引进资金): the noun is the same without it. Not
// the 共 of a word (公共, 总共, 中共, 一共).
// doneOrSettled: a verb of doing, bringing in or settling after 共 (共布设,
// 共入驻): the 共 sums what was done, no part of the name.
var doneOrSettled = regexp.MustCompile(`^(` + sumVerbs + `|入驻|进驻|落户)`)

func dropSum(s string) string {
	rs := []rune(s)
	var out []rune
	for i := 0; i < len(rs); i++ {
		if rs[i] == '共' && i+1 < len(rs) && (i == 0 || !strings.ContainsRune("公总中一合", rs[i-1])) {
			rest := string(rs[i+1:])
			if strings.HasPrefix(rest, "有") && i > 0 {
				i++
				continue
			}
			// (共入驻, 共布设: a verb of settling or setting up too)
			verb := doneOrSettled.MatchString(rest)
			for _, v := range verbs {
				if strings.HasPrefix(rest, v) && i > 0 {
					verb = true
					break
				}
			}
			if verb {
				continue
			}
		}
		out = append(out, rs[i])
	}
	return string(out)
}

var (
	placeOutput  = regexp.MustCompile(`^\p{Han}{2,4}[区县市镇乡旗]生产总值`)
	sectorShare  = regexp.MustCompile(`^第([一二三])产业(增加值)?(占比|比重)$`)
	sectorsShare = regexp.MustCompile(`^第?([一二三])、?第?([二三])产业(增加值)?(占比|比重)$`)
	// revenueShare: the shorthand names of a revenue part's share.
	revenueShare = regexp.MustCompile(`^(地方)?(非税|税收|税)(收入)?(占比|比重|比)$`)
)

var isWord = map[string]bool{}

func init() {
	for _, w := range preWords {
		trailing = append(trailing, w.word)
	}
	// 首次突破: 首次 only says it happened for the first time.
	trailing = append(trailing, "首次")
	// the longer words first: 逼近 before 近.
	sort.SliceStable(trailing, func(i, j int) bool { return len(trailing[i]) > len(trailing[j]) })
	for _, ws := range [][]string{verbs, trailing, growthWords, declineWords} {
		for _, v := range ws {
			isWord[v] = true
		}
	}
}

// Replacers built once (a strings.Replacer is costly to build and safe to share).
var subjectNoise = strings.NewReplacer("“", "", "”", "", " ", "", "　", "", "\u00a0", "", "初步预计", "")
var everyKind = strings.NewReplacer("各类", "", "各种", "")
var bracketsBack = strings.NewReplacer("\x02", "（", "\x03", "）", "\x05", "(", "\x06", ")")
