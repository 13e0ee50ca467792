package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/report"
	"github.com/jingwu/tally/spec"
	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"
)

// extractOptions holds the flags of tally extract.
type extractOptions struct {
	spec   specOptions
	JSON   bool
	Output string
	Year   int
}

func newExtractCommand(io streams) *cobra.Command {
	var opts extractOptions
	cmd := &cobra.Command{
		Use:   "extract [flags] REPORT",
		Short: "List every figure a work report states: value, unit, qualifiers, subject, period",
		Long: `Read a work report — UTF-8 text as extracted from its PDF, or a .docx — and list
every quantitative claim: the value as written, its unit, the words that
qualify it in canonical form (预计, 近, 余, 超过, 以上, 以内, 约, 累计, 年均, 增长,
下降, 新增; 达到 and 增至 for a level reached), what it measures (its subject),
the period it covers, its kind (fact or target) and measure (level, growth,
cumulative, points, ratio), its line and the shortest snippet that holds it.

The period comes from the report's own structure: the year its review covers
(一、2018年工作回顾, 过去一年), the five-year span of a five-year review
(过去五年, 十三五期间), the target year of 今年/2019年主要预期目标 passages, a
year the sentence names (2017年，…); the date of delivery only when the text
says nothing else. --year sets the year reviewed.

With -o claims.yaml the claims are written as spec claims, mapped to the
spec's indicators where their subjects name one, ready to paste into a spec;
with -o claims.xlsx as a workbook.`,
		Example: `  tally extract testdata/jingwu-2020-work-report.txt
  tally extract --json report.txt
  tally extract -o claims.yaml report.docx`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return runExtract(io, &opts, a[0])
		},
	}
	opts.spec.AddFlags(cmd)
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the claims as JSON")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the claims to `FILE` (.yaml or .xlsx)")
	cmd.Flags().IntVar(&opts.Year, "year", 0, "the year the report reviews (default: read from its headings and date)")
	return cmd
}

// readReport reads a report's lines from text or .docx.
func readReport(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read report: %w", unwrapPath(err))
	}
	if strings.EqualFold(filepath.Ext(path), ".docx") {
		lines, err := report.ReadDocx(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return nil, fmt.Errorf("read report %s: %w", path, err)
		}
		return lines, nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, usagef("%s is not a text report; give the text extracted from the PDF, or a .docx", path)
	}
	return strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n"), nil
}

type jsonExtract struct {
	Claims []jsonFound `json:"claims"`
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
	lines, err := readReport(path)
	if err != nil {
		return err
	}
	found := report.Extract(lines, report.Options{Year: opts.Year})
	switch ext := strings.ToLower(filepath.Ext(opts.Output)); {
	case opts.Output == "":
	case ext == ".yaml" || ext == ".yml":
		s, _, _, err := opts.spec.load()
		if err != nil {
			return err
		}
		out, err := claimsYAML(report.Map(found, s))
		if err != nil {
			return err
		}
		if err := writeAtomic(opts.Output, out); err != nil {
			return err
		}
	case ext == ".xlsx":
		var buf bytes.Buffer
		if err := claimsWorkbook(&buf, found); err != nil {
			return err
		}
		if err := writeAtomic(opts.Output, buf.Bytes()); err != nil {
			return err
		}
	default:
		return usagef("-o %s: want a .yaml or .xlsx file", opts.Output)
	}
	if opts.Output != "" && !opts.JSON {
		fmt.Fprintf(io.Out, "wrote %d claims to %s\n", len(found), opts.Output)
		return nil
	}
	if opts.JSON {
		out := jsonExtract{Claims: []jsonFound{}}
		for _, c := range found {
			out.Claims = append(out.Claims, jsonFound{Line: c.Line, Subject: c.Subject, Value: c.Value, Unit: c.Unit,
				Qualifier: strings.Join(c.Qualifiers, ","), Period: c.Period, Kind: c.Kind, Measure: c.Measure, Base: c.Base, Text: c.Text})
		}
		return encodeJSON(io.Out, out)
	}
	w := tabwriter.NewWriter(io.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "line\tvalue\tperiod\tkind\tmeasure\tqualifiers\tsubject")
	for _, c := range found {
		fmt.Fprintf(w, "%d\t%s%s\t%s\t%s\t%s\t%s\t%s\n", c.Line, c.Value, c.Unit, c.Period, c.Kind, c.Measure, strings.Join(c.Qualifiers, ","), c.Subject)
	}
	w.Flush()
	fmt.Fprintf(io.Out, "%d claims\n", len(found))
	return nil
}

// claimsYAML writes claims in the spec's own YAML form, ready to paste.
func claimsYAML(cs []reconcile.Claim) ([]byte, error) {
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
	return append([]byte("# Claims read by tally extract; paste into a spec's claims. Entries\n# without an indicator name nothing the spec measures.\n"), out...), nil
}

func claimsWorkbook(w *bytes.Buffer, found []report.Claim) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "报告数字"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	rows := [][]any{{"行号", "数值", "单位", "限定词", "期间", "类别", "度量", "指标（主语）", "原文"}}
	for _, c := range found {
		rows = append(rows, []any{c.Line, c.Value, c.Unit, strings.Join(c.Qualifiers, "、"), c.Period, c.Kind, c.Measure, c.Subject, c.Text})
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			return err
		}
	}
	if err := f.SetSheetDimension(sh, fmt.Sprintf("A1:I%d", len(rows))); err != nil {
		return err
	}
	return f.Write(w)
}
