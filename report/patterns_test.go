package report

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type brief struct {
	Line       int
	Value      string
	Unit       string
	Subject    string
	Qualifiers string
	Period     string
}

func briefs(cs []Claim) []brief {
	out := []brief{}
	for _, c := range cs {
		out = append(out, brief{c.Line, c.Value, c.Unit, c.Subject, strings.Join(c.Qualifiers, ","), c.Period})
	}
	return out
}

// Each pattern real reports show, on text made for the test.
func TestPatterns(t *testing.T) {
	const title = "某镇政府工作报告（2021年1月8日）\n"
	cases := []struct {
		name, text string
		want       []brief
	}{
		{"unit on the next line", title + "完成固定资产投资 118\n\n亿元。",
			[]brief{{2, "118", "亿元", "固定资产投资", "", "2020"}}},
		{"unit split inside", title + "全年实现固定资产投资 100亿\n元，改造老旧小区 15万平\n方米。",
			[]brief{{2, "100", "亿元", "固定资产投资", "", "2020"}, {3, "15", "万平方米", "老旧小区", "", "2020"}}},
		{"page break between figure and unit", title + "税收收入 15.2\n\n- 3 -\n\n亿元。",
			[]brief{{2, "15.2", "亿元", "税收收入", "", "2020"}}},
		{"a line starting with a space", title + "限上批零销售额 153亿元，津\n 外内资到位额 98亿元。",
			[]brief{{2, "153", "亿元", "限上批零销售额", "", "2020"}, {3, "98", "亿元", "津外内资到位额", "", "2020"}}},
		{"one qualifier for a list", title + "全镇预计完成税收收入 15.2亿元，固定资产投资 118亿元。新增就业 1211人。",
			[]brief{{2, "15.2", "亿元", "税收收入", "预计", "2020"}, {2, "118", "亿元", "固定资产投资", "预计", "2020"}, {2, "1211", "人", "就业", "新增", "2020"}}},
		{"分别 maps values to subjects in order", title + "累计实现税收收入 68亿元、固定资产投资 480亿元，分别实现年均增长 14.6%、21.3%。",
			[]brief{{2, "68", "亿元", "税收收入", "累计", "2020"}, {2, "480", "亿元", "固定资产投资", "累计", "2020"},
				{2, "14.6", "%", "税收收入", "年均", "2020"}, {2, "21.3", "%", "固定资产投资", "年均", "2020"}}},
		{"two values for one subject", title + "拆除违建 334处 15万平方米。",
			[]brief{{2, "334", "处", "违建", "", "2020"}, {2, "15", "万平方米", "违建", "", "2020"}}},
		{"a threshold is part of the subject", title + "其中亿元以上项目 14个，新增注册资本 1000万元以上企业 686家。",
			[]brief{{2, "14", "个", "亿元以上项目", "", "2020"}, {2, "686", "家", "注册资本1000万元以上企业", "新增", "2020"}}},
		{"以上 after a figure qualifies it", title + "企业达到 60家以上。",
			[]brief{{2, "60", "家", "企业", "达到,以上", "2020"}}},
		{"余 and 多", title + "为 2万余人办理医疗保险，发放补贴 495万余元，出访 100多个国家。",
			[]brief{{2, "2", "万人", "医疗保险", "余", "2020"}, {2, "495", "万元", "补贴", "余", "2020"}, {2, "100", "个", "国家", "余", "2020"}}},
		{"近, 约, 超过, 以内", title + "投资近 850万元，收益约 130亿元，专利超过 2000件，失业率控制在 2.38%以内。",
			[]brief{{2, "850", "万元", "投资", "近", "2020"}, {2, "130", "亿元", "收益", "约", "2020"},
				{2, "2000", "件", "专利", "超过", "2020"}, {2, "2.38", "%", "失业率", "以内", "2020"}}},
		{"dates, names, slogans and titles are not claims", title + "2021年1月18日印发。落实“132”工作组机制，贯彻十九届五中全会精神，向建党 100周年献礼，《规划（2018—2022）》，引进 7-11等品牌，打造“15分钟生活圈”。",
			[]brief{}},
		{"full-width digits and marks", title + "新增就业１２１１人，税收收入１５．２亿元，达标率１００％。",
			[]brief{{2, "1211", "人", "就业", "新增", "2020"}, {2, "15.2", "亿元", "税收收入", "", "2020"}, {2, "100", "%", "达标率", "", "2020"}}},
		{"with or without a space before the unit", title + "产值 169亿元，销售额 153 亿元。",
			[]brief{{2, "169", "亿元", "产值", "", "2020"}, {2, "153", "亿元", "销售额", "", "2020"}}},
		{"the five-year passage and next year's targets", title + "“十三五”期间，累计实现税收 68亿元。\n2021年我镇主要预期目标是：固定资产投资 100亿元。",
			[]brief{{2, "68", "亿元", "税收", "累计", "2016-2020"}, {3, "100", "亿元", "固定资产投资", "", "2021"}}},
		{"较…末增长", title + "五年来，规模以上企业增至 94家，较“十二五”末增长 74%。",
			[]brief{{2, "94", "家", "规模以上企业", "增至", "2020"}, {2, "74", "%", "规模以上企业", "增长", "2016-2020"}}},
	}
	for _, c := range cases {
		got := briefs(Extract(strings.Split(c.text, "\n"), Options{}))
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

func TestDocx(t *testing.T) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, _ := z.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>某镇政府工作报告（2021年1月8日）</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">全镇预计完成税收收入 </w:t></w:r><w:r><w:t>15.2亿元。</w:t></w:r></w:p>` +
		`</w:body></w:document>`))
	z.Close()
	lines, err := ReadDocx(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	got := briefs(Extract(lines, Options{}))
	if diff := cmp.Diff([]brief{{2, "15.2", "亿元", "税收收入", "预计", "2020"}}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := ReadDocx(strings.NewReader("not a zip"), 9); err == nil {
		t.Error("a text file is not a .docx")
	}
}

// FuzzExtract: no panics, and every claim's value is a figure of the text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"2020年报告\n预计完成税收收入 15.2亿元，固定资产投资 118\n\n亿元", "为 2万余人办理", "“132”工作组 100周年", "１２．５％", "- 2 -\n3个", "分别增长 1%、2%",
		"——2021年7月8日在某县人民代表大会上\n一、2020年工作回顾\n2021年以来，完成投资30亿元。", "过去一年，收入2496万元；"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		joined := string(join(lines).runes)
		for _, c := range Extract(lines, Options{}) {
			// A space typeset after a decimal point is dropped (385. 23 is 385.23),
			// and one a copy left before it (2 .7倍 is 2.7).
			if !strings.Contains(strings.ReplaceAll(strings.ReplaceAll(joined, ". ", "."), " .", "."), c.Value) || c.Value == "" {
				t.Fatalf("value %q is not in the text %q", c.Value, joined)
			}
			if c.Line < 1 || c.Line > len(lines) {
				t.Fatalf("line %d outside 1..%d", c.Line, len(lines))
			}
			// A span never runs backwards (2021-2020).
			if from, to, ok := strings.Cut(c.Period, "-"); ok && from > to {
				t.Fatalf("period %s runs backwards", c.Period)
			}
		}
	})
}

type detail struct {
	Value, Unit, Subject, Qualifiers, Period, Kind, Measure string
}

func details(cs []Claim) []detail {
	out := []detail{}
	for _, c := range cs {
		q := append([]string(nil), c.Qualifiers...)
		out = append(out, detail{c.Value, c.Unit, c.Subject, canonical(q), c.Period, c.Kind, c.Measure})
	}
	return out
}

// The wordings of issue 13, each in sentences written for the test.
func TestWordings(t *testing.T) {
	const head = "某县政府工作报告\n——2019年1月10日在某县人民代表大会上\n"
	checkRules(t, head, []ruleCase{
		{"growth after a level takes its subject", "一、2018年工作回顾\n全县完成地区生产总值88.6亿元、增长7.9%，规上工业增加值同比增长9.2%。",
			[]detail{{"88.6", "亿元", "地区生产总值", "", "2018", "fact", "level"}, {"7.9", "%", "地区生产总值", "增长", "2018", "fact", "growth"},
				{"9.2", "%", "规上工业增加值", "增长", "2018", "fact", "growth"}}},
		{"a decline is a growth, never a level", "过去一年，单位生产总值能耗同比下降4.1%，万元产值用水量下降0.8个百分点。",
			[]detail{{"4.1", "%", "单位生产总值能耗", "下降", "2018", "fact", "growth"}, {"0.8", "个百分点", "万元产值用水量", "下降", "2018", "fact", "points"}}},
		{"增幅 and 突破", "过去一年，旅游收入突破12亿元，增幅达15%；实际利用外资超3000万美元。",
			[]detail{{"12", "亿元", "旅游收入", "超过", "2018", "fact", "level"}, {"15", "%", "旅游收入", "增长", "2018", "fact", "growth"},
				{"3000", "万美元", "实际利用外资", "超过", "2018", "fact", "level"}}},
		{"分别 with a shared head and 和", "过去一年，城镇、农村居民人均可支配收入分别达到31200元、14800元，分别增长8.2%和9.1%。",
			[]detail{{"31200", "元", "城镇居民人均可支配收入", "", "2018", "fact", "level"}, {"14800", "元", "农村居民人均可支配收入", "", "2018", "fact", "level"},
				{"8.2", "%", "城镇居民人均可支配收入", "增长", "2018", "fact", "growth"}, {"9.1", "%", "农村居民人均可支配收入", "增长", "2018", "fact", "growth"}}},
		{"由X提高到Y", "过去一年，森林覆盖率由41.2%提高到43.5%。",
			[]detail{{"41.2", "%", "森林覆盖率", "", "2017", "fact", "ratio"}, {"43.5", "%", "森林覆盖率", "", "2018", "fact", "ratio"}}},
		// A multiple of a base year speaks of the span after it
		// (LABELLING.md, batch 2: 是2011年的1.37倍 → 2012-2016); the check
		// compares the span's last year with the base.
		{"倍 against a year", "过去一年，进出口总额是2015年的2.6倍。",
			[]detail{{"2.6", "倍", "进出口总额", "", "2016-2018", "fact", "ratio"}}},
		{"units no list names", "过去一年，生猪出栏12.5万头，茶叶产量3.2万担，发电量4.6亿千瓦时，新建机井30眼。",
			[]detail{{"12.5", "万头", "生猪出栏", "", "2018", "fact", "level"}, {"3.2", "万担", "茶叶产量", "", "2018", "fact", "level"},
				{"4.6", "亿千瓦时", "发电量", "", "2018", "fact", "level"}, {"30", "眼", "机井", "新增", "2018", "fact", "level"}}},
		{"targets of the delivery year", "二、2019年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长7.5%以上，一般公共预算收入增长6%-7%。",
			[]detail{{"7.5", "%", "地区生产总值", "以上,增长", "2019", "target", "growth"},
				{"6", "%", "一般公共预算收入", "以上,增长", "2019", "target", "growth"}, {"7", "%", "一般公共预算收入", "以内,增长", "2019", "target", "growth"}}},
		{"a five-year review: flows summed, stocks of the last year, rates over the span", "过去五年，累计完成固定资产投资420亿元，年均增长11.3%；规模以上企业增至186家；新增城镇就业2.1万人。",
			[]detail{{"420", "亿元", "固定资产投资", "累计", "2014-2018", "fact", "cumulative"}, {"11.3", "%", "固定资产投资", "年均", "2014-2018", "fact", "growth"},
				{"186", "家", "规模以上企业", "", "2018", "fact", "level"}, {"2.1", "万人", "城镇就业", "新增,累计", "2014-2018", "fact", "cumulative"}}},
		{"an explicit year wins", "过去五年，发展成效明显。2016年，全县粮食产量达到15.2万吨。",
			[]detail{{"15.2", "万吨", "粮食产量", "", "2016", "fact", "level"}}},
		{"均 states a figure of each", "过去一年，财政总收入、地方财政收入均增长6.3%。",
			[]detail{{"6.3", "%", "财政总收入", "增长", "2018", "fact", "growth"}, {"6.3", "%", "地方财政收入", "增长", "2018", "fact", "growth"}}},
		{"an absolute change", "过去一年，各项存款余额达到86.4亿元，比年初增加5.2亿元。",
			[]detail{{"86.4", "亿元", "各项存款余额", "", "2018", "fact", "level"}, {"5.2", "亿元", "各项存款余额", "增长", "2018", "fact", "growth"}}},
		{"预计 to the sentence's end, across ；", "过去一年，预计全县地区生产总值95亿元，增长8%；税收收入6.1亿元。全年新增就业1500人。",
			[]detail{{"95", "亿元", "地区生产总值", "预计", "2018", "fact", "level"}, {"8", "%", "地区生产总值", "增长,预计", "2018", "fact", "growth"},
				{"6.1", "亿元", "税收收入", "预计", "2018", "fact", "level"}, {"1500", "人", "就业", "新增", "2018", "fact", "level"}}},
		{"a figure after Latin letters", "过去一年，实现GDP 57.6亿元，PM2.5平均浓度下降，G60科创走廊建设提速。",
			[]detail{{"57.6", "亿元", "地区生产总值", "", "2018", "fact", "level"}}},
		{"近三年 is a span of its own", "过去一年，全县近三年财政收入年均增长9.5%。",
			[]detail{{"9.5", "%", "财政收入", "年均", "2016-2018", "fact", "growth"}}},
		{"净增 is an absolute change; a unit per another", "过去一年，规上工业企业达到126家，净增18家；PM2.5平均浓度为38微克/立方米。",
			[]detail{{"126", "家", "规上工业企业", "", "2018", "fact", "level"}, {"18", "家", "规上工业企业", "增长", "2018", "fact", "growth"},
				{"38", "微克/立方米", "PM2.5平均浓度", "", "2018", "fact", "level"}}},
		{"a rate named 增长率 is no growth", "二、2019年工作目标\n人口自然增长率控制在6‰以内，居民消费价格涨幅控制在3%以内。",
			[]detail{{"6", "‰", "人口自然增长率", "以内", "2019", "target", "ratio"}, {"3", "%", "居民消费价格", "以内,增长", "2019", "target", "growth"}}},
		{"not claims: ranks, names, codes, practices", "过去一年，全县综合实力位居全省第12位，建成5G基站，329国道改造完工，实行24小时值守，印发〔2018〕15号文件。",
			[]detail{}},
	})
}

// The year a report reviews, from its own structure.
func TestReviewYear(t *testing.T) {
	cases := []struct {
		name, text string
		want       string
	}{
		{"delivered early in the year", "某镇政府工作报告\n（2019年2月20日）\n过去一年，税收收入3亿元。", "2018"},
		{"delivered in December", "某区政府工作报告\n（2019年12月25日）\n一年来，税收收入3亿元。", "2019"},
		{"a review heading wins over the title", "2020年某镇政府工作报告\n一、2019年工作回顾\n税收收入3亿元。", "2019"},
		{"targets name the next year", "某镇政府工作报告\n税收收入3亿元。\n二、2020年主要预期目标\n税收收入增长5%。", "2019"},
		{"a year-end report without a date", "某街道2019年工作报告\n今年以来，街道税收收入3亿元。明年，力争税收收入增长5%。", "2019"},
		{"the year the text speaks of most", "某街道工作报告\n2017年是关键之年。2017年，税收收入3亿元。", "2017"},
	}
	for _, c := range cases {
		got := Extract(strings.Split(c.text, "\n"), Options{})
		if len(got) == 0 || got[0].Period != c.want {
			t.Errorf("%s: %+v, want period %s", c.name, got, c.want)
		}
	}
	// --year overrides.
	got := Extract([]string{"某镇政府工作报告", "（2019年2月20日）", "过去一年，税收收入3亿元。"}, Options{Year: 2015})
	if got[0].Period != "2015" {
		t.Errorf("--year 2015: period %s", got[0].Period)
	}
}
