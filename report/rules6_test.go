package report

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jingwu/tally/spec"
)

// Batch 6 of the development half (the blind batch retired to dev):
// qualifiers, measures, subjects and names of reports written elsewhere.
// Each rule on sentences written for the test, none a report's own.
func TestReadingRulesBatch6(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日\n"
	cases := []struct {
		name, text string
		want       []detail
	}{
		{"增长N倍 is a growth written in 倍; 是…的N倍 a ratio",
			"过去一年，全县外贸出口额实现3000万美元，增长2倍；截至2018年底，税收收入是2013年的1.8倍。",
			[]detail{{"3000", "万美元", "外贸出口额", "", "2018", "fact", "level"}, {"2", "倍", "外贸出口额", "增长", "2018", "fact", "growth"},
				{"1.8", "倍", "税收收入", "", "2014-2018", "fact", "ratio"}}},
		{"a level stated after a change in points goes on no list of changes",
			"过去五年，服务业增加值占地区生产总值的比重提高8.2个百分点、达52.3%。",
			[]detail{{"8.2", "个百分点", "服务业增加值占地区生产总值的比重", "增长", "2014-2018", "fact", "points"},
				{"52.3", "%", "服务业增加值占地区生产总值的比重", "", "2018", "fact", "ratio"}}},
		{"新上, 新开工 and 新投产 count new things; new and renovated together do not",
			"过去一年，新上工业项目12个，新开工项目5个，新投产项目3个；新建和改造村道30公里，新上及扩改项目40个。",
			[]detail{{"12", "个", "新上工业项目", "新增", "2018", "fact", "level"}, {"5", "个", "项目", "新增", "2018", "fact", "level"},
				{"3", "个", "新投产项目", "新增", "2018", "fact", "level"}, {"30", "公里", "新建和改造村道", "", "2018", "fact", "level"},
				{"40", "个", "新上及扩改项目", "", "2018", "fact", "level"}}},
		{"共 before a verb of bringing in or doing sums; 共有 states a stock, 共发生 counts",
			"过去一年，各村共引进资金600万元，园区共有企业80家，共获得省级荣誉12项，共发生事故2起。",
			[]detail{{"600", "万元", "各村引进资金", "累计", "2018", "fact", "level"}, {"80", "家", "园区企业", "", "2018", "fact", "level"},
				{"12", "项", "省级荣誉", "累计", "2018", "fact", "level"}, {"2", "起", "事故", "", "2018", "fact", "level"}}},
		{"新增 heading a 、 list of nouns covers the count after it; a 其中 part of new things is new; 被新认定为 counts new ones",
			"过去一年，新增甲公园、乙公园等城市公园6个；新引进企业9家，其中，食品企业2家；5家企业被新认定为专精特新企业。",
			[]detail{{"6", "个", "城市公园", "新增", "2018", "fact", "level"}, {"9", "家", "企业", "新增", "2018", "fact", "level"},
				{"2", "家", "食品企业", "新增", "2018", "fact", "level"}, {"5", "家", "新认定专精特新企业", "新增", "2018", "fact", "level"}}},
		{"a space a copy left inside a word is no boundary",
			"过去一年，规模工业总产值突 破80亿元，同 比增长9%。",
			[]detail{{"80", "亿元", "规模工业总产值", "超过", "2018", "fact", "level"}, {"9", "%", "规模工业总产值", "增长", "2018", "fact", "growth"}}},
		{"a completion rate is of the series before it; so is the growth after the rate",
			"过去一年，税收收入8亿元，占计划的102%，同比增长6%；工业投资3亿元，完成全年任务的95%；一般公共预算收入2亿元，完成区级下达任务数的110%。",
			[]detail{{"8", "亿元", "税收收入", "", "2018", "fact", "level"}, {"102", "%", "税收收入完成计划比例", "", "2018", "fact", "ratio"},
				{"6", "%", "税收收入", "增长", "2018", "fact", "growth"}, {"3", "亿元", "工业投资", "", "2018", "fact", "level"},
				{"95", "%", "工业投资完成全年任务比例", "", "2018", "fact", "ratio"}, {"2", "亿元", "一般公共预算收入", "", "2018", "fact", "level"},
				{"110", "%", "一般公共预算收入完成计划比例", "", "2018", "fact", "ratio"}}},
		{"rates whose clauses hold only their time are the growth a clause before names",
			"过去一年，全县税收收入增速逐季回升，一季度2.1%、前三季度3.5%、全年4%左右；工业品价格降幅收窄，上半年1.2%。",
			[]detail{{"2.1", "%", "税收收入", "增长", "2018", "fact", "growth"}, {"3.5", "%", "税收收入", "增长", "2018", "fact", "growth"},
				{"4", "%", "税收收入", "增长,约", "2018", "fact", "growth"}, {"1.2", "%", "工业品价格", "下降", "2018", "fact", "growth"}}},
		{"positions moving in 位, the group a place leads and the months looked back on are no claims",
			"8个月来，全县在全国百强县中持续进位，从60位上升到42位，投资增速稳居全省80个县区前列，引进博士5位，10个行政村进入全市前列。",
			[]detail{{"5", "位", "博士", "", "2018", "fact", "level"}, {"10", "个", "行政村", "", "2018", "fact", "level"}}},
		{"a range of amounts before the noun of things measured later names their class; 均 inside a noun is no 'each'; 累计 inside a subject is none of its name",
			"过去一年，固定资产投资8亿元，其中100至500万元项目累计投资1.2亿元；地均税收约6亿元/平方公里，亩均税收均超过20万元。",
			[]detail{{"8", "亿元", "固定资产投资", "", "2018", "fact", "level"}, {"1.2", "亿元", "100至500万元项目投资", "累计", "2018", "fact", "level"},
				{"6", "亿元/平方公里", "地均税收", "约", "2018", "fact", "level"}, {"20", "万元", "亩均税收", "超过", "2018", "fact", "level"}}},
		{"a growth on a comparable scope is of the restated series; 比…高 and 远超 name a gap; 这高于 restates the gap before",
			"过去一年，一般公共预算收入5亿元，按可比口径增长4%；地区生产总值增长6%，比全省高1.1个百分点；工业投资增长9%，高于全市3个百分点，这高于全市3个百分点；新兴产业增加值增长20%，远超传统产业12个百分点。",
			[]detail{{"5", "亿元", "一般公共预算收入", "", "2018", "fact", "level"}, {"4", "%", "可比口径一般公共预算收入", "增长", "2018", "fact", "growth"},
				{"6", "%", "地区生产总值", "增长", "2018", "fact", "growth"}, {"1.1", "个百分点", "地区生产总值增速高于全省", "", "2018", "fact", "points"},
				{"9", "%", "工业投资", "增长", "2018", "fact", "growth"}, {"3", "个百分点", "工业投资增速高于全市", "", "2018", "fact", "points"},
				{"3", "个百分点", "工业投资增速高于全市", "", "2018", "fact", "points"},
				{"20", "%", "新兴产业增加值", "增长", "2018", "fact", "growth"}, {"12", "个百分点", "新兴产业增加值增速高于传统产业", "", "2018", "fact", "points"}}},
		{"examples before 等 and 各类 are no part of what is counted; a verb after a count ends its noun; 五年间 is a time word",
			"过去一年，组织各类招商活动20次，甲厂、乙厂等技改项目6个，深圳等地开展招商推介4次，9个项目竣工投产，5家企业在园区落户，30件诉求及时办结，12项工作受到省政府表彰。五年间财政收入净增20亿元。",
			[]detail{{"20", "次", "招商活动", "", "2018", "fact", "level"}, {"6", "个", "技改项目", "", "2018", "fact", "level"},
				{"4", "次", "招商推介", "", "2018", "fact", "level"}, {"9", "个", "项目", "", "2018", "fact", "level"},
				{"5", "家", "企业", "", "2018", "fact", "level"}, {"30", "件", "诉求", "", "2018", "fact", "level"},
				{"12", "项", "工作", "", "2018", "fact", "level"}, {"20", "亿元", "财政收入", "增长", "2014-2018", "fact", "growth"}}},
		{"lists: sectors written as a run of ordinals, one character sharing a head, a pair word before 均, a 由X到Y pair as one series of a 分别 list",
			"过去一年，一二三产业增加值分别增长3%、7%、6%；大、小口径财政收入12亿元、6亿元；城乡居民人均可支配收入均增长7%。过去五年，税收收入由3亿元增加到5亿元，非税收入由1亿元增加到2亿元，年均分别增长10%和15%。",
			[]detail{{"3", "%", "第一产业增加值", "增长", "2018", "fact", "growth"}, {"7", "%", "第二产业增加值", "增长", "2018", "fact", "growth"},
				{"6", "%", "第三产业增加值", "增长", "2018", "fact", "growth"},
				{"12", "亿元", "大口径财政收入", "", "2018", "fact", "level"}, {"6", "亿元", "小口径财政收入", "", "2018", "fact", "level"},
				{"7", "%", "城镇居民人均可支配收入", "增长", "2018", "fact", "growth"}, {"7", "%", "农村居民人均可支配收入", "增长", "2018", "fact", "growth"},
				{"3", "亿元", "税收收入", "", "2013", "fact", "level"}, {"5", "亿元", "税收收入", "", "2018", "fact", "level"},
				{"1", "亿元", "非税收入", "", "2013", "fact", "level"}, {"2", "亿元", "非税收入", "", "2018", "fact", "level"},
				{"10", "%", "税收收入", "年均", "2014-2018", "fact", "growth"}, {"15", "%", "非税收入", "年均", "2014-2018", "fact", "growth"}}},
		{"an amount whose clause is only a verb of spending is that spending; shorthand names of a revenue part's share",
			"过去一年，全县上下聚焦民生，累计投入8亿元；税占比提高2个百分点，非税占比为18%，地方税比达70%。",
			[]detail{{"8", "亿元", "投入", "累计", "2018", "fact", "level"},
				{"2", "个百分点", "税收收入占一般公共预算收入比重", "增长", "2018", "fact", "points"},
				{"18", "%", "非税收入占一般公共预算收入比重", "", "2018", "fact", "ratio"},
				{"70", "%", "税收收入占地方财政收入比重", "", "2018", "fact", "ratio"}}},
		{"a ratio written with ︰; a share bounded below is a claim; a note after a figure calling it an estimate; 新建 beside 续建 sorts projects",
			"过去一年，三次产业结构为10︰40︰50。85%以上的农户加入合作社。2018年税收收入6亿元（预计数，下同）。全县有20个重点项目（新建项目12个，续建项目8个）。",
			[]detail{{"10", "", "第一产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}, {"40", "", "第二产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"},
				{"50", "", "第三产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}, {"85", "%", "", "以上", "2018", "fact", "ratio"},
				{"6", "亿元", "税收收入", "预计", "2018", "fact", "level"}, {"20", "个", "重点项目", "", "2018", "fact", "level"},
				{"12", "个", "项目", "", "2018", "fact", "level"}, {"8", "个", "项目", "", "2018", "fact", "level"}}},
		{"a share bounded below in a term review is the span's",
			"过去五年，80%以上的贫困户得到了产业扶持。",
			[]detail{{"80", "%", "", "以上", "2014-2018", "fact", "ratio"}}},
		{"line breaks a copy turned into spaces inside a figure and inside its unit",
			"截至2018年底，全县固定资产投资是2013年的2 .5倍，两个园区建成区分别达到6平方公里、4平方公 里。",
			[]detail{{"2.5", "倍", "固定资产投资", "", "2014-2018", "fact", "ratio"},
				{"6", "平方公里", "两个园区建成区", "", "2018", "fact", "level"}, {"4", "平方公里", "两个园区建成区", "", "2018", "fact", "level"}}},
		{"a base year a copy split with a space still sets the span",
			"截至2018年底，外贸出口额是20 13年的3倍。",
			[]detail{{"3", "倍", "外贸出口额", "", "2014-2018", "fact", "ratio"}}},
		{"完成 inside a subject before the work done states no part of it; 完成投资 and 完成率 stay",
			"过去一年，物流园项目已完成土地平整200亩，重点项目完成投资30亿元，投资完成率达95%。",
			[]detail{{"200", "亩", "物流园项目土地平整", "", "2018", "fact", "level"}, {"30", "亿元", "重点项目完成投资", "", "2018", "fact", "level"},
				{"95", "%", "投资完成率", "", "2018", "fact", "ratio"}}},
		{"a bare share after a level of its sentence is that level's share",
			"过去一年，一般公共预算收入9亿元，其中税收收入7亿元，占比77.8%；工业投资20亿元，占比40%。",
			[]detail{{"9", "亿元", "一般公共预算收入", "", "2018", "fact", "level"}, {"7", "亿元", "税收收入", "", "2018", "fact", "level"},
				{"77.8", "%", "税收收入占一般公共预算收入比重", "", "2018", "fact", "ratio"},
				{"20", "亿元", "工业投资", "", "2018", "fact", "level"}, {"40", "%", "工业投资占比", "", "2018", "fact", "ratio"}}},
		{"a cause or an adjustment inside a clause is no part of the series; a restated scope's level and the recorded scope after it",
			"过去一年，社会消费品零售总额受疫情影响下降2.1%；一般公共预算收入8亿元，剔除退税因素后同口径增长4%，自然口径下降3%；税收收入6亿元，同口径完成6.5亿元，增幅5%。",
			[]detail{{"2.1", "%", "社会消费品零售总额", "下降", "2018", "fact", "growth"}, {"8", "亿元", "一般公共预算收入", "", "2018", "fact", "level"},
				{"4", "%", "同口径一般公共预算收入", "增长", "2018", "fact", "growth"}, {"3", "%", "一般公共预算收入", "下降", "2018", "fact", "growth"},
				{"6", "亿元", "税收收入", "", "2018", "fact", "level"}, {"6.5", "亿元", "同口径税收收入", "", "2018", "fact", "level"},
				{"5", "%", "同口径税收收入", "增长", "2018", "fact", "growth"}}},
		{"减少 after a time word still opens a decline; 出列 and 摘帽 end a counted noun",
			"过去一年，全年减少贫困人口8000人，18个贫困村出列，3个贫困乡镇摘帽。",
			[]detail{{"8000", "人", "贫困人口", "下降", "2018", "fact", "growth"}, {"18", "个", "贫困村", "", "2018", "fact", "level"},
				{"3", "个", "贫困乡镇", "", "2018", "fact", "level"}}},
		{"short names of series are spelled out; 策划 and 安排 are verbs",
			"过去一年，高新企业发展到45家，战新产值完成12亿元，策划推动民生项目20件，安排重点项目30个。",
			[]detail{{"45", "家", "高新技术企业", "", "2018", "fact", "level"}, {"12", "亿元", "战略性新兴产业产值", "", "2018", "fact", "level"},
				{"20", "件", "民生项目", "", "2018", "fact", "level"}, {"30", "个", "重点项目", "", "2018", "fact", "level"}}},
		{"the change of a growth rate is the rate's; a measure's noun after 和 shares the first item's head in front",
			"过去一年，地区生产总值增长7%，增速比上年提高1.5个百分点；规上工业产值和增加值分别完成50亿元和12亿元。",
			[]detail{{"7", "%", "地区生产总值", "增长", "2018", "fact", "growth"}, {"1.5", "个百分点", "地区生产总值增速", "增长", "2018", "fact", "points"},
				{"50", "亿元", "规上工业产值", "", "2018", "fact", "level"}, {"12", "亿元", "规上工业增加值", "", "2018", "fact", "level"}}},
		{"a gap after a growth joined by 、 is no growth",
			"过去一年，规上工业增加值增长9%、高于全省2.5个百分点。",
			[]detail{{"9", "%", "规上工业增加值", "增长", "2018", "fact", "growth"}, {"2.5", "个百分点", "规上工业增加值增速高于全省", "", "2018", "fact", "points"}}},
		{"a completion rate after a level's growth is the level's; 街道 opening a clause is the region; 提供 is a verb",
			"过去一年，街道完成税收收入2亿元，同比增长9%，完成区下达任务的105%；提供就业岗位1500个。",
			[]detail{{"2", "亿元", "税收收入", "", "2018", "fact", "level"}, {"9", "%", "税收收入", "增长", "2018", "fact", "growth"},
				{"105", "%", "税收收入完成计划比例", "", "2018", "fact", "ratio"}, {"1500", "个", "就业岗位", "", "2018", "fact", "level"}}},
		{"a contribution to another's growth in points is no growth; an item that is only a measure's noun shares the head before it",
			"过去一年，电子产业产值增长30%，拉动工业增长3.2个百分点；重大项目带动投资增长9个百分点；肉牛存栏5万头、出栏3万头。",
			[]detail{{"30", "%", "电子产业产值", "增长", "2018", "fact", "growth"}, {"3.2", "个百分点", "电子产业产值拉动工业增长", "", "2018", "fact", "points"},
				{"9", "个百分点", "重大项目拉动投资增长", "", "2018", "fact", "points"},
				{"5", "万头", "肉牛存栏", "", "2018", "fact", "level"}, {"3", "万头", "肉牛出栏", "", "2018", "fact", "level"}}},
		{"a negative rate written with a minus sign is a decline; 增产 an absolute growth; 超序时进度 and 超出…任务指标 of the level before; 逼近 and 首次 leave no trace in the subject; 新谋划 counts new things",
			"过去一年，规上工业增加值增长-6.5%，商品房销售额增幅-2.3%；粮食增产0.5亿斤；完成固定资产投资2亿元，超序时进度12%；税收收入完成3亿元，超出下调任务指标800万元；工业总产值逼近90亿元，财政收入首次突破10亿元；新谋划项目25个。",
			[]detail{{"6.5", "%", "规上工业增加值", "下降", "2018", "fact", "growth"}, {"2.3", "%", "商品房销售额", "下降", "2018", "fact", "growth"},
				{"0.5", "亿斤", "粮食", "增长", "2018", "fact", "growth"},
				{"2", "亿元", "固定资产投资", "", "2018", "fact", "level"}, {"12", "%", "固定资产投资超序时进度比例", "", "2018", "fact", "ratio"},
				{"3", "亿元", "税收收入", "", "2018", "fact", "level"}, {"800", "万元", "税收收入超出下调任务指标", "", "2018", "fact", "level"},
				{"90", "亿元", "工业总产值", "近", "2018", "fact", "level"}, {"10", "亿元", "财政收入", "超过", "2018", "fact", "level"},
				{"25", "个", "新谋划项目", "新增", "2018", "fact", "level"}}},
		{"分别超…目标 says by how much each beat its target; an item naming a measure of its own shares no head",
			"过去一年，税收、工业产值分别超年初目标任务数的6%、9%。",
			[]detail{{"6", "%", "税收超年初目标比例", "", "2018", "fact", "ratio"}, {"9", "%", "工业产值超年初目标比例", "", "2018", "fact", "ratio"}}},
		{"a clause X方面 opens the series of the figures after it that name none",
			"过去一年，各方面工作稳步推进。规上工业增加值方面，降幅较年初收窄6个百分点，当季同比增长3.1%。",
			[]detail{{"6", "个百分点", "规上工业增加值", "下降", "2018", "fact", "points"}, {"3.1", "%", "规上工业增加值", "增长", "2018", "fact", "growth"}}},
		{"三次产业 before a 分别 list names the three sectors; 依次 lists as 分别 does",
			"过去一年，三次产业增加值分别为10亿元、40亿元和50亿元；财政总收入、税收收入依次完成8亿元、6亿元。",
			[]detail{{"10", "亿元", "第一产业增加值", "", "2018", "fact", "level"}, {"40", "亿元", "第二产业增加值", "", "2018", "fact", "level"},
				{"50", "亿元", "第三产业增加值", "", "2018", "fact", "level"}, {"8", "亿元", "财政总收入", "", "2018", "fact", "level"},
				{"6", "亿元", "税收收入", "", "2018", "fact", "level"}}},
		{"a list of ordinals sharing 产业 names each sector",
			"过去一年，第一、二、三产业增加值分别增长2%、6%和8%；一二三产业占比分别为12%、40%、48%。",
			[]detail{{"2", "%", "第一产业增加值", "增长", "2018", "fact", "growth"}, {"6", "%", "第二产业增加值", "增长", "2018", "fact", "growth"},
				{"8", "%", "第三产业增加值", "增长", "2018", "fact", "growth"},
				{"12", "%", "第一产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}, {"40", "%", "第二产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"},
				{"48", "%", "第三产业增加值占地区生产总值比重", "", "2018", "fact", "ratio"}}},
		{"建成 closing a clause is no part of what was built",
			"过去一年，5G基站建成80个，农村公路建成120公里。",
			[]detail{{"80", "个", "5G基站", "", "2018", "fact", "level"}, {"120", "公里", "农村公路", "", "2018", "fact", "level"}}},
		{"a bare 占 after a part names the part's share of the whole; 占X的 names the whole",
			"过去一年，到位资金20亿元，其中省外资金15亿元，占75%；财政收入10亿元，其中税收收入8亿元，占财政收入的80%。",
			[]detail{{"20", "亿元", "到位资金", "", "2018", "fact", "level"}, {"15", "亿元", "省外资金", "", "2018", "fact", "level"},
				{"75", "%", "省外资金占到位资金比重", "", "2018", "fact", "ratio"},
				{"10", "亿元", "财政收入", "", "2018", "fact", "level"}, {"8", "亿元", "税收收入", "", "2018", "fact", "level"},
				{"80", "%", "税收收入占财政收入比重", "", "2018", "fact", "ratio"}}},
		{"a clause saying a series doubled names the level after it; 新建改建 counts no new things",
			"过去一年，税收收入实现翻番，达到6亿元；新建改建村道80公里。",
			[]detail{{"6", "亿元", "税收收入", "", "2018", "fact", "level"}, {"80", "公里", "村道", "", "2018", "fact", "level"}}},
		{"a gap whose clause names both rates",
			"过去一年，农村居民人均可支配收入增速快于城镇居民2.1个百分点。",
			[]detail{{"2.1", "个百分点", "农村居民人均可支配收入增速高于城镇居民", "", "2018", "fact", "points"}}},
		{"a measure of the same head in a sentence keeps the scope the first one gave it; another series does not",
			"过去一年，规模以上工业实现总产值300亿元，增长9%；工业增加值增长8%，工业投资增长12%。",
			[]detail{{"300", "亿元", "规模以上工业总产值", "", "2018", "fact", "level"}, {"9", "%", "规模以上工业总产值", "增长", "2018", "fact", "growth"},
				{"8", "%", "规模以上工业增加值", "增长", "2018", "fact", "growth"}, {"12", "%", "工业投资", "增长", "2018", "fact", "growth"}}},
	}
	for _, c := range cases {
		got := details(Extract(strings.Split(head+c.text, "\n"), Options{}))
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

// Batch 6's names.
func TestIndicatorNamesBatch6(t *testing.T) {
	s, _, err := spec.Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		want []string
	}{
		{"过去一年，税收收入2亿元，增长3倍。", []string{"tax", "tax"}},
		{"过去一年，税收收入8亿元，占计划的102%，同比增长6%。", []string{"tax", "", "tax"}},
		{"过去一年，一般公共预算收入5亿元，按可比口径增长4%。", []string{"budget_revenue", ""}},
		{"过去一年，固投完成30亿元，增长8%。", []string{"fai", "fai"}},
		{"过去一年，固定资产投资（不含农户）完成5亿元，全县（含园区，下同）固定资产投资完成8亿元。", []string{"", "fai"}},
		{"过去一年，地方税收收入4亿元，地方一般预算收入5亿元，科技型中小企业入库30家，高新技术企业20家。", []string{"", "budget_revenue", "sme_total", "hightech_total"}},
		{"过去一年，规模以上企业生产总值12亿元，增长9%；规模以上企业28家。", []string{"", "", "above_scale"}},
		{"过去一年，1000万元以上固定资产投资20亿元，增长8%；地方固定资产投资5亿元；地方一般预算收入1亿元。", []string{"", "", "", "budget_revenue"}},
		{"过去一年，地方级财政收入3亿元，一般预算地方级财政收入增长6%，区级财政收入2亿元，规模工业年产值突破50亿元。", []string{"budget_revenue", "budget_revenue", "", "industrial_output"}},
	}
	for _, c := range cases {
		found := Extract(strings.Split("某县政府工作报告\n——2019年1月10日\n"+c.text, "\n"), Options{})
		got := MapIndicators(found, s)
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s\n%+v", c.text, diff, found)
		}
	}
}
