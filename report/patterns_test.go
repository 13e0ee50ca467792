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
	for _, s := range []string{"2020年报告\n预计完成税收收入 15.2亿元，固定资产投资 118\n\n亿元", "为 2万余人办理", "“132”工作组 100周年", "１２．５％", "- 2 -\n3个", "分别增长 1%、2%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		joined := string(join(lines).runes)
		for _, c := range Extract(lines, Options{}) {
			if !strings.Contains(joined, c.Value) || c.Value == "" {
				t.Fatalf("value %q is not in the text %q", c.Value, joined)
			}
			if c.Line < 1 || c.Line > len(lines) {
				t.Fatalf("line %d outside 1..%d", c.Line, len(lines))
			}
		}
	})
}
