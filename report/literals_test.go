package report

// TestLiterals lists every string literal with Chinese characters in the
// extractor's code (report/*.go, not tests) and counts in how many of the
// development reports it occurs: testdata/reports/dev/*.txt and the sample
// report ../testdata/jingwu-2020-work-report.txt, each read as Extract reads
// it (traditional characters simplified, lines joined, full-width digits
// narrowed). It never reads testdata/reports/test/ (the held-out half).
//
//	go test ./report -run TestLiterals -v                  the candidates
//	go test ./report -run TestLiterals -v -literals.all    every literal
//
// A regular expression counts by its alternatives (`增长|增速|增幅` is three
// words, each matched on its own); a string used as a set of characters
// (strings.ContainsRune(clauseMarks, r), []rune(hantPairs)) is not a phrase
// and is left out. A literal found in 0 or 1 report is a candidate special
// case: a phrase taken from one report. Every candidate must be in
// keptLiterals below with the reason it is general vocabulary that the
// development half happens to hold rarely; the test fails on a candidate
// that is not, so a phrase copied from one report cannot come back unseen.

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

var literalsAll = flag.Bool("literals.all", false, "TestLiterals: print every literal with its count, not only the candidates")

// provinceOf: the reports SOURCES.md has no row for (batches 6 on), by the
// place their line 1 names.
var provinceOf = map[string]string{
	"anon-town-2023": "?", "anon-town-2024": "?", "anyue-2022": "四川", "beizhen-2015": "辽宁",
	"chidian-2021": "福建", "dabu-2020": "广东", "dayu-2018": "江西", "dongwuqi-2022": "内蒙古",
	"doumen-2022": "广东", "enjiang-2019": "江西", "guangyuan-2016": "四川", "guiyang-2016": "湖南",
	"huangchi-2019": "安徽", "huangmei-2017": "湖北", "huangyuan-2025": "青海", "jianggan-2018": "浙江",
	"jinji-2021": "云南", "lianshi-2016": "浙江", "liaoyangxian-2020": "辽宁", "lingbi-town-2021": "安徽",
	"lingchuan-2026": "山西", "linxiaxian-2021": "甘肃", "liping-2023": "贵州", "lishu-2019": "吉林",
	"liucheng-2020": "广西", "lushi-2017": "河南", "majiang-2020": "贵州", "mudong-2024": "重庆",
	"mutang-2024": "海南", "nandajie-2020": "江苏", "pingli-2016": "陕西", "shagou-2021": "山东",
	"shimen-2020": "湖南", "shimian-2021": "四川", "songyuan-2021": "吉林", "tafang-2020": "安徽",
	"wanzhou-2024": "重庆", "xifeng-2022": "甘肃", "xiushan-2024": "湖南", "xuzhou-2020": "江苏",
	"yingshuiqiao-2023": "宁夏", "yinji-2022": "河南", "yuli-2025": "新疆", "yuzhong-2024": "重庆",
	"zhangwan-2023": "湖北", "zhijiang-2016": "湖南", "zijin-2020": "广东",
	// Batches 8 and 9's development halves (joined dev together), from
	// each text's # 来源 line.
	"baotou-2016": "内蒙古", "bazhou-2022": "河北", "daoli-2023": "黑龙江", "dongwuqi-2020": "内蒙古",
	"fuxinxian-2020": "辽宁", "ganzhou-zhangye-2026": "甘肃", "guangyang-2016": "河北", "haixi-2020": "青海",
	"huhehaote-2020": "内蒙古", "huiji-2024": "河南", "jianping-2019": "辽宁", "jinghai-2016": "天津",
	"jiuyuan-2024": "内蒙古", "lanzhou-2019": "甘肃", "lingqiu-2023": "山西", "luannan-2024": "河北",
	"lushi-2019": "河南", "nanan-2026": "福建", "neimenggu-2016": "内蒙古", "qingshan-baotou-2025": "内蒙古",
	"wuqia-2023": "新疆", "xihongmen-2021": "北京", "xingqing-2025": "宁夏", "xinjiangwan-2023": "上海",
	"zhixi-2020": "江苏", "zhonglou-2020": "江苏", "zhongning-2026": "宁夏",
	"jingwu-2020": "天津",
}

// keptWords: the candidates (found in 0 or 1 development report) reviewed
// and kept as general vocabulary — words every work report may use that the
// development half's excerpts (about 2 KB each) happen to hold rarely —
// grouped by why. A phrase of one report's own (a slogan, a programme's
// name, one writer's wording) has no place here: replace it with a rule.
var keptWords = []struct {
	why   string
	words []string
}{
	{"a statistical or budget series, or a part of one, as the national statistics and budgets name it (利润, 存栏, 主营业务收入, 预算调整数): any report may state it", []string{
		`物价`, `(价格指数|CPI|物价总?水平|物价)\s*(涨幅)?(控制|保持|稳定|维持)(在|于)\s*`,
		`物价总?水平`,
		"强度", "密度", "房地产", "民间", "私营", "个体", "预算数", "年营业收入", "利税", "存栏", "批发零售业",
		"住宿餐饮业", "第?[一二三]((、|和|及)第?[一二三])+产业?", "三大产业", "常住人口", "户籍人口", "户均", "利润", "进口", "存款", "序时进度", "任务指标", "预算调整数",
		"销售收入", "年销售收入", "主营业务收入", "出栏", "产业比重", "营业额", "非税", "第([一二三])产业(增加值)?(占比|比重)",
		`贡献率\s*(达到?|为|是)?\s*`,
		"第?([一二三])、?第?([二三])产业(增加值)?(占比|比重)",
		"农村牧区", "农牧区", // the statistics' residence class where herding counts (农村牧区常住居民人均可支配收入)
	}},
	{"a common short name of a statistical series, spelled out where names are mapped (固投, 规上, 战新, 高新企业)", []string{
		`批零`,
		`批零业`, `商品销售额`, `商品销售总额`, `销售总额`, `两税`,
		"战新产业", "工业年产值", "固投", "战新", "高新企业",
	}},
	{"a unit, a magnitude or a unit prefix (十万, 毫, 立方, 小时), or the noun of a number or ratio that stands for one (人数, 之比): read by the unit rule", []string{
		"户数", "件数", "个数", "之比", "比值", "分之一", `指数(为|是|达到|达|保持在|控制在|稳定在)\s*`,
		"百万", "十万", "毫", "厘", "立方", "十亿", "小时", "个月", "周岁",
	}},
	{"a word of rank or position (名次, 跃居, 第一方阵): a rank is no claim", []string{
		"名次", "排序", "排行", "前茅", "处于", "后移", "排位", "之首", "排在", "前移", "跃居", "之一", "后退",
		"第[一二三四五六七八九十]批",
	}},
	{"a word of a meeting's attendance (到会, 请假, 缺席): a count of delegates is no claim", []string{
		"到会", "请假", "名额", "参会", "与会", "缺席",
	}},
	{"a heading or passage opener of a work report's structure (工作打算, 总体思路, 2018年工作总结, 下半年工作安排, 新的一年)", []string{
		`[^。！？；;：:]*?(实事|大事|工程|项目|任务)。[^。！？；;：:]{0,80}?[，,]\s*(即|分别是|具体是|具体为|具体包括|主要是|主要有|主要包括)`, `(摘要|导读|内容提要|编者按)\s*[:：]`, "摘要", "导读", "内容提要", "编者按", // batch 18: a list of works opened in the next sentence; a page's label before a paragraph
		"第[一二三四五六七八九十]+(部分|章)", "（[一二三四五六七八九十]+）", "这五年", "规划实施以来", "规划期", "未来五年", "具体",
		"明年(的)?(主要)?(工作|预期|发展)?(目标|安排|任务|重点|工作)", "后半年", "打算", "设想",
		"(下半年|四季度|第四季度|后半年)的?(工作)?(打算|计划|安排|思路|设想|目标|重点|任务)", "来年", "(下一步|来年)的?(工作)?(打算|计划|安排|思路|设想|目标|重点)", "下一步",
		"胜利完成", "达成", "第一季度",
		`(\d{4})\s*年\s*(上半年|前三季度|一季度|第一季度|1\s*[-—－至]\s*\d{1,2}\s*月份?)的?(政府|主要)?工作(总结|回顾|情况)`,
		`(\d{4})\s*年以来的?(政府)?(工作|主要工作|发展)?(回顾|总结|成就|成绩)`, `新年的?[^，。；：:,;\d]{0,3}目标(是|为|：|:)`,
		"四季度", "第四季度",
		`(\d{4})\s*年全年`, "一季度",
		`(\d{4})\s*年[^。；;，,\d]{0,14}(预算|计划)执行`,
		`(^|[^\d年])(上半年|前三季度|一季度|第一季度|1\s*[-—－至]\s*\d{1,2}\s*月份?)的?(政府|主要)?工作(总结|回顾|完成情况)`,
		`本年度[^。；;，,\d]{0,8}(完成情况|总结|回顾)`, "(今后|未来)一(个|段)时期", "下一阶段",
		"主要是", "主要有", "主要包括", "具体是", "具体为", "具体包括", // words opening a list of the works announced
		"今年的?(工作)?(总结|回顾)", `今年\s*1\s*[-—－至到~～]\s*\d{1,2}\s*月`, // a year's own summary, the year so far
	}},
	{"a word that singles out the later part of a span just named (特别是, 尤其是十九大以来): the span holds for what follows", []string{
		"尤其",
	}},
	{"a time phrase: a date, a part of a year, a span of years, a government's term, an event reports count from (上旬, 一季度, 近五年, 换届以来, 十八大以来), or the time a thing took (历时, 仅用)", []string{
		`\s*[，,]\s*((截至|截止|至)\s*\d{1,2}\s*月(份)?(底|末)?|1\s*[-—－至到~～]\s*\d{1,2}\s*月(份)?)[，,]?\s*(已|累计)?(完成|实现)了?\s*`,
		"日前", "(截至|截止)(目前|当前|日前)",
		"仅用", "只用", "仅仅用", "历时", "耗时",
		"截止到", `([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日`,
		`(\d{4})\s*年\s*(\d{1,2})\s*月\s*[在于][^。！？]{0,40}(会议|大会)`, "近五年", "履职以来", "换届以来",
		"(本届政府|政府)?任期(以)?来", "本届(政府)?任期(内|以来)", "(本|这|新一)届(政府|人大|班子)?(成立|组成|产生|履职)?以来", "明年", "前[两二三四五六七八九十]个月",
		"中旬", "下旬", "上旬", "之前", "(精准扶贫(工作)?(开展|实施|启动)?以来)", "力争(到|在)", "近[两二三四五]年",
		"年平均", "期末", "维持", "各年度?", "上一年", "当月", `近[两二三四五六七八九十\d]年(来)?`, "另外", "本季度", "截止", "至今", "任期内", "组成",
		`(截至|截止|到|至)\s*(\d{1,2})\s*月(\d{1,2}日|底|末|份|中旬|上旬|下旬)?`, `(\d{4})\s*年?\s*[-—–－~～至到]\s*(\d{4})\s*年`,
		"相比", "(脱贫攻坚(战)?(打响|开展|实施|启动)?以来)", "未来", `(较|比)(\d{4}\s*年|“?十[一二三四五]五”?)(末|底|期末)?(增长|提高)`,
		"(每年|年度|各年度?|历年|年年|常年|连年)[^，。；,;]{0,10}(均|都)?(保持|稳定|维持)(在|于)", "每年", "常年", "连年", "此外", "[一二三四五六七八九十]年间", "当季",
		"各年度",
		`(截至|截止|到|至)\s*\d{4}\s*年(底|末|年底|年末)?\s*(累计|累积|共计|合计|总计)`, `十([一二三四五])五”?(?:时期|期间)?的?前([一二两三四]|\d)(?:个)?年`, // batch 16: a sum up to a year, a plan's first years
	}},
	{"a written form of a qualifier of LABELLING.md (约, 近, 超过, 累计, 新增, 达到/增至, 下降) or of the words that bring a figure to a level (迈上, 跨入…台阶)", []string{
		"递减", // batch 17: 递增's opposite (年均递减)
		"大约", "共计?达", "站上", "跨入", "合计", "募集", "受理", "查处", "共计", "新开发", "新招聘", "新谋划", "新招录", "新登记", "新注册", "改扩建",
		"修缮", "削减", "将近", "达到了", "依次", "优化为", "逾", "逼近", "跨上", "行列", "翻了", "办结", "调解", "总计", "新投产",
		"新上", "新扩", "新备案", "新聘任?", "新签约", "扩改", "压减", "增至", "(减少|压减|削减|净减)(到|至)",
		"关口", "新种植?", "新栽", "及以上", "及以下", "不低于", "不少于", "不超过", "总(兑付|兑现|发放|拨付)", `(在|达到?)?\d+(\.\d+)?(万亿|亿|万|千)?元?(及|或)?(以上|以下)的`,
	}},
	{"a word of growth or decline (上涨, 回落, 收窄) or of a rate of one (涨幅, 增长率)", []string{
		"负增长", // batch 18: a negative growth, a decline
		"下降(幅度|率|速度)",
		`连[降升增涨跌减]`,
		`下跌`, `连续(增长|下降|上升|攀升|回落|减少|增加|上涨|下跌)`,
		"增长率", "增长速度", "递增", "(^|[^然])增长(率|幅度|速度)", "多增", "比降", "减产", "净减", "减收", "下滑", "回落", "同比减少", "增长幅度", "涨幅", "升高",
		"幅度", "降低",
		"再次",
	}},
	{"a word naming a share (所占比重, 占比为)", []string{
		"所占比重", "占比为", "占比达",
	}},
	{"a word that holds a growth or decline word without being one (增长点, 减税, 自然增长率)", []string{
		"自然增长率", "减量", "提高率", "增速换挡", "减费", "减负", "增长极", "减贫", "增长点", "减灾", "减税", "新增长",
	}},
	{"a word that holds a qualifier's character without being it (最近, 经过, 度过)", []string{
		"最近", "附近", "临近", "越过", "不过", "度过", "跨过",
	}},
	{"a comparison, a base or a scope of a growth (环比, 去年同期, 按可比价格计算, 高于全国, 受…影响, 剔除…因素, （下同）)", []string{
		`(?:剔除|扣除)[^，,。；;：:\d]{1,16}?(?:因素|影响)`, `((?:剔除|扣除)[^，,。；;：:\d]{1,16}?(?:因素|影响)|(?:剔除|扣除)[^，,。；;：:\d]{1,12}?后)\s*[，,]?\s*[^，,。；;\d]{0,6}`,
		`(?:剔除|扣除)[^，,。；;：:\d]{1,12}?后`,
		"远高于", "相当于", "环比", "按可比价格?计算", "上年末", "上年底", "去年底", "去年末", "前年", "可比价", "慢于", "领先", "因素后", "扣除", "不含",
		"高出", "(.+?)(增速|增幅)(高于|快于|高出|领先|超出)(.+?)(平均水平|平均)?",
		"自然(增幅|增速|口径)", "去年同期", "上年同期", "远超", `(较|比)(\d{4})\s*年(同期)?\s*[（(]下同[）)]`, `(?:较|比)(\d{4})\s*年(?:底|末)?的\s*\d`, "受[^，,。；;]{1,10}?影响",
		"(剔除|扣除)[^，,。；;]{1,16}?(因素后|因素|后)", "剔除",
		"名义", "实际(增长|增幅|增速|下降)", `(增长|增幅|增速|下降|降幅|提高)[（(]同口径[）)]\s*`, "[（(]((不含|含|剔除|扣除)[^（）()0-9０-９，,、]{1,10})[）)]", `\(((不含|含|剔除|扣除)[^（）()0-9０-９，,、]{1,10})\)`,
	}},
	{"a word of a target or a plan (力争, 预期, 目标设定为, 超序时进度, 均已 done); 力争上游 is an idiom of effort, no target", []string{
		`[，,、\s]*(今年|本年)\p{Han}{0,6}?计划`, "本年", // the year's planned amount of a series (今年固投计划)
		"调整预算(数)?", "年初预算(数)?", `[，,、\s]*原定`,
		"设定为", "确定为", "预期(增长|实现|达到|为|在)", "均已", "确保了", "超过?(年初|年度|全年)?(目标任务数?|目标|计划|任务数?)的?",
		`[，,、\s]*(全(?:乡镇|街道|[省州盟市区县旗镇乡街])域?)?(年度|全年|当年)计划`, "上游",
	}},
	{"a verb of reporting or doing, or a predicate after a counted noun (拨付, 走访, 出列, 逐一): stripped off or ending a subject", []string{
		`涉及`,
		"细则", "进驻", "拉动", "拥有", "保有", "筹集", "发动", "创成", "修建", "建好", "新植", "招聘", "消化", "腾退", "配备", "慰问", "聘请", "新扩建",
		"栽植", "征收", "设立", "或", "一年内", "逐一", "参与", "出列", "拨付", "命名",
		"[^，。；,;]{0,10}?被(新(?:认定|评定|评为|命名|列为|确定|纳入))为?([^，。；,;]{2,})", "列为", "评定", "出让", "动员", "共有", "增设",
		"减免", "关停", "争创", "更新", "铺设", "投用", "策划", "启用", "收储", "救治", "新聘任", "吸纳", "资助", "引导", "新聘", "接入",
		"兑付", "设置", "布设", "被列为", "被命名为", "推出",
	}},
	{"a word of the session's procedure on the documents before it, or of a document a government issues (提请, 提交, 条例): what the session reviews or what was issued", []string{
		"提请", "提交", "条例",
	}},
	{"the number of a list's items with their kind (两大主导, 三大支柱): a list's count, no claim of its own", []string{
		"支柱",
	}},
	{"the extractor's own name of a subject it builds (LABELLING.md's names: 第一产业增加值占地区生产总值比重, 增速高于, 超序时进度比例), no wording read in a text", []string{
		"超序时进度比例", "完成(年度|全年)?(计划|目标|任务|预算调整数|预算数?)比例", "${1}增长", "目标比例", "第${1}产业增加值占地区生产总值比重", "增速高于", "收入占",
		"第${1}、${2}产业增加值占地区生产总值比重",
	}},
}

// keptLiterals is keptWords by word.
var keptLiterals = func() map[string]string {
	m := map[string]string{}
	for _, g := range keptWords {
		for _, w := range g.words {
			m[w] = g.why
		}
	}
	return m
}()

type devReport struct {
	name, province, text string
}

func devReports(t *testing.T) []devReport {
	t.Helper()
	province := map[string]string{}
	if b, err := os.ReadFile("testdata/reports/SOURCES.md"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			f := strings.Split(l, "|")
			if len(f) > 4 && strings.HasPrefix(strings.TrimSpace(f[1]), "dev/") {
				name := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(f[1]), "dev/"), ".txt")
				province[name] = strings.TrimSpace(f[3])
			}
		}
	}
	files, _ := filepath.Glob("testdata/reports/dev/*.txt")
	files = append(files, "../testdata/jingwu-2020-work-report.txt")
	var out []devReport
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines, _, err := DecodeText(b)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if strings.HasPrefix(lines[0], "# 来源") {
			lines[0] = "" // the label set's line, not the report's
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		name = strings.TrimSuffix(name, "-work-report")
		p := province[name]
		if p == "" || p == "unknown" {
			p = provinceOf[name]
		}
		if p == "" {
			t.Errorf("%s: no province (add it to provinceOf)", name)
		}
		out = append(out, devReport{name, p, string(join(simplified(lines)).runes)})
	}
	return out
}

// literal is one phrase of the code: a string, or one alternative of a
// regular expression.
type literal struct {
	text  string
	regex bool
	where []string
}

// charSetCalls take a string as a set of characters (argument index).
var charSetCalls = map[string]int{
	"ContainsRune": 0, "IndexRune": 0, "ContainsAny": 1, "IndexAny": 1, "LastIndexAny": 1,
	"Trim": 1, "TrimLeft": 1, "TrimRight": 1,
}

func codeLiterals(t *testing.T) []*literal {
	t.Helper()
	fset := token.NewFileSet()
	names, _ := filepath.Glob("*.go")
	sort.Strings(names)
	var files []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	// Names used as character sets, and literals used so directly; the
	// expressions compiled as regular expressions; the values of names.
	var regexps []ast.Expr
	values := map[string]ast.Expr{}
	for _, f := range files {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok {
				for _, sp := range g.Specs {
					if vs, ok := sp.(*ast.ValueSpec); ok {
						for i, name := range vs.Names {
							if i < len(vs.Values) {
								values[name.Name] = vs.Values[i]
							}
						}
					}
				}
			}
		}
	}
	setNames := map[string]bool{}
	setLits := map[*ast.BasicLit]bool{}
	regexLits := map[*ast.BasicLit]bool{}
	mark := func(e ast.Expr, lits map[*ast.BasicLit]bool) {
		ast.Inspect(e, func(n ast.Node) bool {
			if bl, ok := n.(*ast.BasicLit); ok {
				lits[bl] = true
			}
			return true
		})
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if ok {
					if pkg, ok := sel.X.(*ast.Ident); ok {
						if i, ok := charSetCalls[sel.Sel.Name]; ok && pkg.Name == "strings" && i < len(n.Args) {
							mark(n.Args[i], setLits)
							ast.Inspect(n.Args[i], func(m ast.Node) bool {
								if id, ok := m.(*ast.Ident); ok {
									setNames[id.Name] = true
								}
								return true
							})
						}
						if pkg.Name == "regexp" && (sel.Sel.Name == "MustCompile" || sel.Sel.Name == "Compile") && len(n.Args) == 1 {
							regexps = append(regexps, n.Args[0])
						}
					}
				}
				if at, ok := n.Fun.(*ast.ArrayType); ok && len(n.Args) == 1 {
					if id, ok := at.Elt.(*ast.Ident); ok && id.Name == "rune" {
						mark(n.Args[0], setLits)
						if id, ok := n.Args[0].(*ast.Ident); ok {
							setNames[id.Name] = true
						}
					}
				}
			case *ast.RangeStmt:
				if bl, ok := n.X.(*ast.BasicLit); ok {
					setLits[bl] = true
				}
			}
			return true
		})
	}
	// Literals that are the value of a name used as a character set.
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if vs, ok := n.(*ast.ValueSpec); ok {
				for i, name := range vs.Names {
					if setNames[name.Name] && i < len(vs.Values) {
						mark(vs.Values[i], setLits)
					}
				}
			}
			return true
		})
	}
	// A regular expression built by concatenation (`(全` + ownArea + `)?`)
	// is read whole: its literals and those of the names in it.
	var fold func(e ast.Expr) (string, bool)
	fold = func(e ast.Expr) (string, bool) {
		switch e := e.(type) {
		case *ast.BasicLit:
			v, err := strconv.Unquote(e.Value)
			regexLits[e] = true
			return v, err == nil && e.Kind == token.STRING
		case *ast.Ident:
			if v, ok := values[e.Name]; ok {
				return fold(v)
			}
		case *ast.ParenExpr:
			return fold(e.X)
		case *ast.BinaryExpr:
			if e.Op == token.ADD {
				a, ok1 := fold(e.X)
				b, ok2 := fold(e.Y)
				return a + b, ok1 && ok2
			}
		}
		return "", false
	}
	var whole []string
	var wholeAt []token.Pos
	for _, e := range regexps {
		if re, ok := fold(e); ok {
			whole, wholeAt = append(whole, re), append(wholeAt, e.Pos())
		}
	}
	byText := map[string]*literal{}
	var out []*literal
	add := func(s string, regex bool, where string) {
		if !hasHan(s) {
			return
		}
		k := fmt.Sprint(regex, s)
		l := byText[k]
		if l == nil {
			l = &literal{text: s, regex: regex}
			byText[k] = l
			out = append(out, l)
		}
		if !has(l.where, where) {
			l.where = append(l.where, where)
		}
	}
	for i, re := range whole {
		pos := fset.Position(wholeAt[i])
		for _, alt := range alternatives(re) {
			add(alt, true, fmt.Sprintf("%s:%d", pos.Filename, pos.Line))
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			bl, ok := n.(*ast.BasicLit)
			if !ok || bl.Kind != token.STRING || setLits[bl] || regexLits[bl] {
				return true
			}
			s, err := strconv.Unquote(bl.Value)
			if err != nil || !hasHan(s) {
				return true
			}
			pos := fset.Position(bl.Pos())
			where := fmt.Sprintf("%s:%d", pos.Filename, pos.Line)
			switch {
			case strings.ContainsAny(strings.TrimSpace(s), " \n\t"):
				// a word list split by strings.Fields
				for _, w := range strings.Fields(s) {
					add(w, false, where)
				}
			default:
				add(s, false, where)
			}
			return true
		})
	}
	return out
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// alternatives splits a regular expression into the alternatives of each
// of its alternations, at every depth; an expression with no alternation
// is one alternative. Anchors at an alternative's ends are dropped.
func alternatives(re string) []string {
	var out []string
	var walk func(s string)
	walk = func(s string) {
		var alts []string
		depth, start := 0, 0
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case '[':
				for i++; i < len(s) && s[i] != ']'; i++ {
					if s[i] == '\\' {
						i++
					}
				}
			case '(':
				if depth == 0 {
					walk(groupBody(s[i:]))
				}
				depth++
			case ')':
				depth--
			case '|':
				if depth == 0 {
					alts = append(alts, s[start:i])
					start = i + 1
				}
			}
		}
		alts = append(alts, s[start:])
		if len(alts) == 1 && s != re {
			return // a group without alternation: its parent holds it whole
		}
		for _, a := range alts {
			a = strings.TrimSuffix(strings.TrimPrefix(a, "^"), "$")
			out = append(out, a)
		}
	}
	walk(re)
	return out
}

// groupBody is the inside of the group s opens with.
func groupBody(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			for i++; i < len(s) && s[i] != ']'; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				body := s[1:i]
				for _, p := range []string{"?:", "?P<"} {
					if strings.HasPrefix(body, p) {
						body = body[len(p):]
						if p == "?P<" {
							body = body[strings.IndexByte(body, '>')+1:]
						}
					}
				}
				return body
			}
		}
	}
	return "" // not closed: a malformed expression
}

func TestLiterals(t *testing.T) {
	corpusTest(t)
	reports := devReports(t)
	lits := codeLiterals(t)
	type row struct {
		l         *literal
		n         int
		provinces []string
		in        string // the last report it was found in
	}
	var rows []row
	for _, l := range lits {
		match := func(s string) bool { return strings.Contains(s, l.text) }
		if l.regex {
			re, err := regexp.Compile(l.text)
			if err != nil {
				t.Errorf("%s: alternative %q does not compile alone: %v", l.where[0], l.text, err)
				continue
			}
			match = re.MatchString
		}
		r := row{l: l}
		ps := map[string]bool{}
		for _, d := range reports {
			if match(d.text) {
				r.n++
				ps[d.province] = true
				r.in = d.name
			}
		}
		for p := range ps {
			r.provinces = append(r.provinces, p)
		}
		sort.Strings(r.provinces)
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].n != rows[j].n {
			return rows[i].n < rows[j].n
		}
		return rows[i].l.where[0] < rows[j].l.where[0]
	})
	candidates, grey := 0, 0
	for _, r := range rows {
		kind := "string"
		if r.l.regex {
			kind = "regexp"
		}
		line := fmt.Sprintf("%3d reports %2d provinces  %-6s %q  %s", r.n, len(r.provinces), kind, r.l.text, strings.Join(r.l.where, " "))
		if r.n == 1 {
			line += "  (only in " + r.in + ")"
		}
		if r.n > 1 {
			if *literalsAll {
				t.Log(line)
			}
			if r.n < 3 || len(r.provinces) < 3 {
				grey++
			}
			if _, ok := keptLiterals[r.l.text]; ok {
				t.Logf("keptWords %q: found in %d reports now, no longer a candidate (it may leave the list)", r.l.text, r.n)
			}
			continue
		}
		candidates++
		if why, ok := keptLiterals[r.l.text]; ok {
			t.Logf("%s  kept: %s", line, why)
			continue
		}
		t.Errorf("candidate special case: %s", line)
	}
	t.Logf("%d literals with Chinese characters (regular expressions by alternative), %d development reports; %d found in 0 or 1 report (candidates), %d in 2 or more but not in 3 reports of 3 provinces (shown by -literals.all)", len(rows), len(reports), candidates, grey)
	for k := range keptLiterals {
		found := false
		for _, l := range lits {
			found = found || l.text == k
		}
		if !found {
			t.Logf("keptWords %q: no such literal in report/*.go now (it may leave the list)", k)
		}
	}
}
