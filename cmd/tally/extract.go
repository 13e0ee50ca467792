package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/jingwu/tally/grid"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/report"
	"github.com/jingwu/tally/spec"
	"github.com/jingwu/tally/workbook"
	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"
)

// extractOptions holds the flags of tally extract.
type extractOptions struct {
	spec   specOptions
	JSON   bool
	Output string
	Year   int
	Force  bool
}

func newExtractCommand(io streams) *cobra.Command {
	var opts extractOptions
	cmd := &cobra.Command{
		Use:   io.t("extract [选项] 报告", "extract [flags] REPORT"),
		Short: io.t("列出工作报告中的每个数字：数值、单位、限定词、主语、期间", "List every figure a work report states: value, unit, qualifiers, subject, period"),
		Long: io.t(`读取工作报告（PDF 提取出的 UTF-8 文本，或 .docx），列出其中每个数字：原文数值、
单位、限定它的词（统一写法：预计、近、余、超过、以上、以内、约、累计、年均、增长、下降、
新增；达到、增至表示达到的水平）、所指的对象（主语）、所属期间、类别（事实或目标）和
度量（水平、增长、累计、百分点；比值按其所指分为倍数、比率、比重、完成率、比例）、
行号和包含它的最短原文。

期间按报告本身的结构确定：回顾部分为所回顾的年度（一、2018年工作回顾，过去一年），
五年回顾为五年（过去五年，十三五期间），今年/2019年主要预期目标段落为目标年度，句中
写明的年份（2017年，…）为该年；只有原文别无所指时才用报告日期。--year 指定所回顾的
年度。

-o claims.yaml 把这些数字写成规格中的 claims，主语能对应到规格指标的已对应好，可直接
粘贴进规格；-o claims.xlsx 写成工作簿（数值为数字格式）。已有的文件不加 --force 不会覆盖。`, `Read a work report — UTF-8 text as extracted from its PDF, or a .docx — and list
every quantitative claim: the value as written, its unit, the words that
qualify it in canonical form (预计, 近, 余, 超过, 以上, 以内, 约, 累计, 年均, 增长,
下降, 新增; 达到 and 增至 for a level reached), what it measures (its subject),
the period it covers, its kind (fact or target) and measure (level, growth,
cumulative, points; a ratio named by what it is: multiple, rate, share,
completion rate, proportion), its line and the shortest snippet that holds it.

The period comes from the report's own structure: the year its review covers
(一、2018年工作回顾, 过去一年), the five-year span of a five-year review
(过去五年, 十三五期间), the target year of 今年/2019年主要预期目标 passages, a
year the sentence names (2017年，…); the date of delivery only when the text
says nothing else. --year sets the year reviewed.

With -o claims.yaml the claims are written as spec claims, mapped to the
spec's indicators where their subjects name one, ready to paste into a spec;
with -o claims.xlsx as a workbook (values as numbers). An existing file is not
overwritten without --force.`),
		Example: `  tally extract testdata/jingwu-2020-work-report.txt
  tally extract --json report.txt
  tally extract -o claims.yaml report.docx`,
		Args: args(cobra.ExactArgs(1), needReport),
		RunE: func(cmd *cobra.Command, a []string) error {
			return runExtract(io, &opts, a[0])
		},
	}
	opts.spec.AddFlags(cmd, io)
	cmd.Flags().BoolVar(&opts.JSON, "json", false, io.t("以 JSON 格式输出", "print the claims as JSON"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", io.t("把数字写入`文件`（.yaml 或 .xlsx）", "write the claims to `FILE` (.yaml or .xlsx)"))
	cmd.Flags().BoolVar(&opts.Force, "force", false, io.t("覆盖已有的 -o 文件", "overwrite an existing -o file"))
	cmd.Flags().IntVar(&opts.Year, "year", 0, io.t("报告回顾的`年度`（默认从其标题和日期读出）", "the `YEAR` the report reviews (default: read from its headings and date)"))
	return cmd
}

// readReport reads a report's lines from text or .docx; a note, when not
// nil, says how a text that was not plain UTF-8 was read. A first line
// naming the report's source for a label set (labelSource) is blanked.
func readReport(path string) ([]string, *msg, error) {
	lines, note, err := readReportLines(path)
	if err == nil {
		blankLabelSource(lines)
	}
	return lines, note, err
}

// labelSource: the first line of a report kept in a label set
// (report/testdata/reports, LABELLING.md: `# 来源: <URL>, <title>, delivered
// <YYYY-MM>`) is the labellers' note of where the text came from, no part
// of the report: its dates and years are the page's or the labellers'.
var labelSource = regexp.MustCompile(`^[\s\x{feff}]*#\s*来源`)

// blankLabelSource blanks a first line that is a label set's source note
// (labelSource), keeping the line numbers of the rest, as the label set's
// scoring reads it.
func blankLabelSource(lines []string) {
	if len(lines) > 0 && labelSource.MatchString(lines[0]) {
		lines[0] = ""
	}
}

// readReportLines reads a report's lines as readReport does, all of them.
func readReportLines(path string) ([]string, *msg, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fail(msg{"无法读取报告 {path}", "read report {path}"}, fields{"path": path}, unwrapPath(err))
	}
	if strings.EqualFold(filepath.Ext(path), ".docx") {
		lines, err := report.ReadDocx(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return nil, nil, fail(msg{"无法读取报告 {path}", "read report {path}"}, fields{"path": path}, err)
		}
		return lines, nil, nil
	}
	lines, enc, err := report.DecodeText(data)
	switch {
	case errors.Is(err, report.ErrBinary):
		return nil, nil, usage(msg{"{path} 不是文本报告；请给出从 PDF 提取的文本或 .docx", "{path} is not a text report; give the text extracted from the PDF, or a .docx"}, fields{"path": path})
	case errors.Is(err, report.ErrUTF16NoBOM):
		return nil, nil, usage(msg{"{path} 像是没有字节顺序标记（BOM）的 UTF-16 文本，但无法确定其字节顺序；请把报告另存为 UTF-8 文本（或带 BOM 的 UTF-16）",
			"{path} looks like UTF-16 without a byte order mark, but its byte order cannot be told; save the report as UTF-8 text (or UTF-16 with a BOM)"}, fields{"path": path})
	case err != nil:
		return nil, nil, usage(msg{"{path} 的编码无法识别（不是 UTF-8、UTF-16 或 GBK/GB18030）；请把报告另存为 UTF-8 文本",
			"{path}: unknown text encoding (not UTF-8, UTF-16 or GBK/GB18030); save the report as UTF-8 text"}, fields{"path": path})
	}
	switch enc {
	case report.GB18030:
		return lines, &msg{"{path}：报告按 GBK/GB18030 编码读取", "{path}: read the report as GBK/GB18030"}, nil
	case report.UTF16LE, report.UTF16BE:
		return lines, &msg{"{path}：报告按 UTF-16 编码读取", "{path}: read the report as UTF-16"}, nil
	case report.UTF16LENoBOM:
		return lines, &msg{"{path}：报告按 UTF-16（小端序，无 BOM）编码读取", "{path}: read the report as UTF-16 (little-endian, no BOM)"}, nil
	case report.UTF16BENoBOM:
		return lines, &msg{"{path}：报告按 UTF-16（大端序，无 BOM）编码读取", "{path}: read the report as UTF-16 (big-endian, no BOM)"}, nil
	}
	return lines, nil, nil
}

// noteReport prints readReport's note, if any, on w as one info line.
func noteReport(w io.Writer, note *msg, path string, lang reconcile.Lang) {
	if note != nil {
		fmt.Fprintln(w, "tally: "+reconcile.Fill(*note, fields{"path": path}, lang))
	}
}

type jsonExtract struct {
	// Year is the year reviewed the periods count from; YearBy what
	// decided it (an evidence's name, or "--year").
	Year   int    `json:"year,omitempty"`
	YearBy string `json:"year_by,omitempty"`
	// YearWeak: the year rests on weak evidence only (a title's year, the
	// tense of sentences, a page's date, the year named most); YearNote
	// says so for a reader.
	YearWeak bool `json:"year_weak,omitempty"`
	// YearContested: evidence reading another year weighs half as much
	// as the evidence for the year read, or more (YearNote says which).
	YearContested bool        `json:"year_contested,omitempty"`
	YearNote      string      `json:"year_note,omitempty"`
	Claims        []jsonFound `json:"claims"`
}

type jsonFound struct {
	Line      int    `json:"line"`
	Subject   string `json:"subject"`
	Value     string `json:"value"`
	Unit      string `json:"unit"`
	Qualifier string `json:"qualifier"`
	Period    string `json:"period"`
	Kind      string `json:"kind"`
	Measure   string `json:"measure"`
	Base      int    `json:"base,omitempty"`
	Text      string `json:"text"`
}

func runExtract(io streams, opts *extractOptions, path string) error {
	lines, note, err := readReport(path)
	if err != nil {
		return err
	}
	noteReport(io.Err, note, path, io.Lang)
	if opts.Output != "" {
		// A claims file is made to be edited: never replaced unasked.
		if err := refuseExisting(opts.Output, opts.Force, nil); err != nil {
			return err
		}
	}
	found := report.Extract(lines, report.Options{Year: opts.Year})
	read := report.ReadYear(lines)
	var weak *msg
	if opts.Year == 0 {
		weak = weakYearNote(read)
	}
	if weak != nil && !opts.JSON && opts.Output != "" {
		// The claims file holds periods counted from that year: say it
		// where the run's only line does not.
		fmt.Fprintln(io.Err, "tally: "+weak.In(io.Lang))
	}
	switch ext := strings.ToLower(filepath.Ext(opts.Output)); {
	case opts.Output == "":
	case ext == ".yaml" || ext == ".yml":
		s, _, _, err := opts.spec.load()
		if err != nil {
			return err
		}
		out, err := claimsYAML(report.Map(found, s), io.Lang)
		if err != nil {
			return err
		}
		if err := writeAtomic(opts.Output, out); err != nil {
			return err
		}
	case ext == ".xlsx":
		var buf bytes.Buffer
		if err := workbook.WriteBook(&buf, claimsBook(found)); err != nil {
			return err
		}
		if err := writeAtomic(opts.Output, buf.Bytes()); err != nil {
			return err
		}
	default:
		return usage(msg{"-o {path}：应为 .yaml 或 .xlsx 文件", "-o {path}: want a .yaml or .xlsx file"}, fields{"path": opts.Output})
	}
	if opts.Output != "" && !opts.JSON {
		fmt.Fprintln(io.Out, reconcile.Fill(msg{"已把 {claims}写入 {path}", "wrote {claims} to {path}"},
			fields{"claims": counted(len(found), "%d 个数字", "claim", "claims"), "path": opts.Output}, io.Lang))
		return nil
	}
	if opts.JSON {
		out := jsonExtract{Claims: []jsonFound{}, Year: opts.Year, YearBy: "--year"}
		if opts.Year == 0 {
			out.Year, out.YearBy = read.Review, read.By
		}
		if weak != nil {
			out.YearWeak, out.YearContested, out.YearNote = read.Weak, read.Contested, weak.In(io.Lang)
		}
		for _, c := range found {
			out.Claims = append(out.Claims, jsonFound{Line: c.Line, Subject: c.Subject, Value: c.Value, Unit: c.Unit,
				Qualifier: strings.Join(c.Qualifiers, ","), Period: c.Period, Kind: c.Kind, Measure: c.Measure, Base: c.Base, Text: c.Text})
		}
		return encodeJSON(io.Out, out)
	}
	rows := [][]string{{io.t("行号", "line"), io.t("数值", "value"), io.t("期间", "period"), io.t("类别", "kind"), io.t("度量", "measure"), io.t("限定词", "qualifiers"), io.t("对象", "subject")}}
	for _, c := range found {
		rows = append(rows, []string{fmt.Sprint(c.Line), c.Value + c.Unit, c.Period, kindWords[c.Kind].In(io.Lang), measureWord(c, io.Lang),
			strings.Join(c.Qualifiers, io.t("、", ",")), c.Subject})
	}
	printTable(io.Out, rows)
	fmt.Fprintln(io.Out, reconcile.Fill(msg{"共 {claims}", "{claims}"}, fields{"claims": counted(len(found), "%d 个数字", "claim", "claims")}, io.Lang))
	// Which year the periods count from, and why: the reader can check it
	// and give another with --year.
	switch y := read; {
	case opts.Year != 0:
		fmt.Fprintln(io.Out, reconcile.Fill(msg{"回顾年度：{year}（由 --year 指定）", "year reviewed: {year} (given by --year)"}, fields{"year": fmt.Sprint(opts.Year)}, io.Lang))
	case y.Review != 0:
		by := yearEvidenceZh[y.By]
		if io.Lang == reconcile.English {
			by = y.By
		}
		fmt.Fprintln(io.Out, reconcile.Fill(msg{"回顾年度：{year}（依据：{by}；可用 --year 另行指定）", "year reviewed: {year} (from the {by}; --year overrides)"}, fields{"year": fmt.Sprint(y.Review), "by": by}, io.Lang))
		if weak != nil {
			fmt.Fprintln(io.Out, weak.In(io.Lang))
		}
	default:
		fmt.Fprintln(io.Out, reconcile.Fill(msg{"未能读出回顾年度，期间留空；请用 --year 指定", "the year reviewed could not be read, periods are left blank; give it with --year"}, nil, io.Lang))
	}
	return nil
}

// claimsYAML writes claims in the spec's own YAML form, ready to paste,
// under a comment in lang: Chinese first and the English below it, or the
// English alone.
func claimsYAML(cs []reconcile.Claim, lang reconcile.Lang) ([]byte, error) {
	var ys []spec.ClaimYAML
	for _, c := range cs {
		if c.Unit.Name == "" {
			continue // a unit the spec cannot hold
		}
		y := spec.ClaimYAML{ID: c.ID, Line: c.Line, Text: c.Text, Indicator: c.Indicator, Period: c.Span.String(), Base: c.Base, Value: c.Written, Unit: c.Unit.Name}
		for _, q := range c.Qualifiers {
			y.Qualifiers = append(y.Qualifiers, string(q))
		}
		ys = append(ys, y)
	}
	out, err := spec.MarshalClaims(ys)
	if err != nil {
		return nil, err
	}
	head := "# Claims read by tally extract; paste into a spec's claims. Entries\n# without an indicator name nothing the spec measures.\n"
	if lang != reconcile.English {
		head = "# tally extract 从报告中读出的数字；可粘贴到规格的 claims 下。\n# 没有 indicator 的条目，规格中没有衡量它的指标。\n" + head
	}
	return append([]byte(head), out...), nil
}

// claimsBook describes the claims list: one row per figure found, the
// value as a number cell holding the written digits exactly (never through
// a float), or as text when it is not a plain number.
func claimsBook(found []report.Claim) *grid.Book {
	sh := &grid.Sheet{Name: "报告数字", Widths: []float64{6, 12, 8, 12, 10, 6, 8, 24, 60}}
	head, text, num := grid.Style{Role: grid.Header}, grid.Style{Role: grid.Label}, grid.Style{Role: grid.Figure}
	put := func(col, row int, v grid.Value, st grid.Style) {
		sh.Cells = append(sh.Cells, grid.Cell{Pos: grid.Pos{Col: col, Row: row}, Value: v, Style: st})
	}
	for i, h := range []string{"行号", "数值", "单位", "限定词", "期间", "类别", "度量", "指标（主语）", "原文"} {
		put(i+1, 1, grid.TextValue(h), head)
	}
	for i, c := range found {
		r := i + 2
		put(1, r, grid.NumberValue(decimal.NewFromInt(int64(c.Line))), num)
		value := grid.TextValue(c.Value)
		if d, err := decimal.NewFromString(c.Value); err == nil {
			value = grid.NumberValue(d)
		}
		put(2, r, value, num)
		for j, v := range []string{c.Unit, strings.Join(c.Qualifiers, "、"), c.Period, kindWords[c.Kind].In(reconcile.Chinese),
			measureWord(c, reconcile.Chinese), c.Subject, c.Text} {
			put(3+j, r, grid.TextValue(v), text)
		}
	}
	all := grid.Range{From: grid.Pos{Col: 1, Row: 1}, To: grid.Pos{Col: 9, Row: len(found) + 1}}
	sh.Filter, sh.Freeze = &all, &grid.Pos{Col: 1, Row: 2}
	return &grid.Book{Title: "报告数字", Look: grid.List, Sheets: []*grid.Sheet{sh}}
}

// kindWords and measureWords name a found figure's kind and measure.
var (
	kindWords    = map[string]msg{"fact": {"事实", "fact"}, "target": {"目标", "target"}}
	measureWords = map[string]msg{"level": {"水平", "level"}, "growth": {"增长", "growth"}, "cumulative": {"累计", "cumulative"},
		"points": {"百分点", "points"}}
	// A ratio is named by what it is: 倍数 only for a multiple (3.4倍); a
	// figure in % or ‰ is a rate (比率), a share (比重) or a completion rate
	// (完成率) by its subject; a bare number is a part of a proportion
	// (9.6:41.7:48.7), a share when its subject says so.
	multipleWord   = msg{"倍数", "multiple"}
	shareWord      = msg{"比重", "share"}
	completionWord = msg{"完成率", "completion rate"}
	rateWord       = msg{"比率", "rate"}
	proportionWord = msg{"比例", "proportion"}
)

// completionOf: a rate of a plan, a budget, a target or a task (一般预算收入
// 年度预算 102.5%, the extractor having left out 完成) is a completion rate.
var completionOf = regexp.MustCompile(`(预算|计划|目标|任务)$`)

// measureWord names a found figure's measure in lang.
func measureWord(c report.Claim, lang reconcile.Lang) string {
	if c.Measure != report.Ratio {
		return word(measureWords, c.Measure, lang)
	}
	switch {
	case c.Unit == "倍":
		return multipleWord.In(lang)
	case strings.Contains(c.Subject, "比重") || strings.Contains(c.Subject, "占比") || strings.HasPrefix(c.Subject, "占"):
		return shareWord.In(lang)
	case c.Unit == "":
		return proportionWord.In(lang)
	case strings.Contains(c.Subject, "完成") || completionOf.MatchString(c.Subject):
		return completionWord.In(lang)
	}
	return rateWord.In(lang)
}

// word returns the words for key in lang, or key itself.
func word(words map[string]msg, key string, lang reconcile.Lang) string {
	if w, ok := words[key]; ok {
		return w.In(lang)
	}
	return key
}

// weakYearNote is what tally extract says of a year reviewed read from
// weak evidence only (report.YearReading.Weak) or against evidence reading
// another year (report.YearReading.Contested): it is read, and the reader
// is asked to confirm it; nil when neither.
func weakYearNote(y report.YearReading) *msg {
	if y.Contested {
		a := contrary(y)
		f := fields{"year": fmt.Sprint(y.Review), "other": fmt.Sprint(a.Review),
			"by": reconcile.Text{yearEvidenceZh[y.By], y.By}, "against": reconcile.Text{yearEvidenceZh[a.By], a.By}}
		t := msg{"报告年份依据相互矛盾（{by}读作 {year} 年，{against}读作 {other} 年），请用 --year 确认",
			"the evidence of the year reviewed disagrees (the {by} reads {year}, the {against} reads {other}); confirm it with --year"}
		return &msg{reconcile.Fill(t, f, reconcile.Chinese), reconcile.Fill(t, f, reconcile.English)}
	}
	if !y.Weak {
		return nil
	}
	return &msg{"报告年份依据不足（仅" + yearEvidenceZh[y.By] + "），请用 --year 确认",
		"the year reviewed rests on weak evidence (only the " + y.By + "); confirm it with --year"}
}

// contrary is the evidence reading another year that a contested reading
// names: the first, in the order evidence is tried, that names a year in
// a role (not weak), else the first.
func contrary(y report.YearReading) report.YearAgainst {
	for _, a := range y.Against {
		if !report.WeakYearEvidence(a.By) {
			return a
		}
	}
	if len(y.Against) > 0 {
		return y.Against[0]
	}
	return report.YearAgainst{}
}

// reportYearNote is what reconcile --report says when the report's own
// text reads another year than the spec's, which it is read by: the
// evidence, and whether it is weak; nil when they agree or the text names
// none.
func reportYearNote(y report.YearReading, specYear int) *msg {
	if y.Review == 0 || y.Review == specYear {
		return nil
	}
	f := fields{"year": fmt.Sprint(y.Review), "spec": fmt.Sprint(specYear), "by": reconcile.Text{yearEvidenceZh[y.By], y.By}}
	t := msg{"报告自身回顾的是 {year} 年（依据：{by}），与规格年度 {spec} 不同：按 {spec} 读取；请确认报告与规格对应",
		"the report itself reviews {year} (from the {by}), not the spec's year {spec}: read by {spec}; check the report is the spec's"}
	switch {
	case y.Contested:
		a := contrary(y)
		f["other"], f["against"] = fmt.Sprint(a.Review), reconcile.Text{yearEvidenceZh[a.By], a.By}
		t = msg{"报告自身的年份依据相互矛盾（{by}读作 {year} 年，{against}读作 {other} 年），按规格年度 {spec} 读取；请确认报告与规格对应",
			"the report's own evidence of its year disagrees (the {by} reads {year}, the {against} reads {other}); read by the spec's year {spec}: check the report is the spec's"}
	case y.Weak:
		t = msg{"报告年份依据不足（仅{by}，读作 {year} 年），按规格年度 {spec} 读取；请确认报告与规格对应",
			"the report's own year rests on weak evidence (only the {by}, read as {year}); read by the spec's year {spec}: check the report is the spec's"}
	}
	return &msg{reconcile.Fill(t, f, reconcile.Chinese), reconcile.Fill(t, f, reconcile.English)}
}

// yearEvidenceZh names in Chinese the evidence report.ReadYear says
// decided the year reviewed.
var yearEvidenceZh = map[string]string{
	"part-year review heading":         "回顾部分年度的标题",
	"review heading":                   "工作回顾标题",
	"session date":                     "会议日期",
	"page date":                        "网页发布日期",
	"target heading":                   "目标标题",
	"tense of a year's sentences":      "年份所在句子的时态",
	"a year stated whole or estimated": "全年或预计的年份",
	"budget or plan carried out":       "预算或计划执行情况",
	"a year's goals":                   "年度目标",
	"draft of a five-year plan":        "一并审议的五年规划纲要草案",
	"title year":                       "标题中的年份",
	"latest year stated with results":  "陈述了成绩的最近年份",
	"year named most":                  "提及最多的年份",
}
