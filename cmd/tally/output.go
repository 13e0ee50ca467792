package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/jingwu/tally/reconcile"
	"github.com/shopspring/decimal"
)

// The JSON document of tally reconcile --json. Decimals are strings (exact);
// counts are numbers; a missing bound or value is null.
type jsonResult struct {
	Claims   []jsonClaim   `json:"claims"`
	Findings []jsonFinding `json:"findings"`
	Inputs   []jsonInput   `json:"inputs"`
	Targets  []jsonTarget  `json:"targets,omitempty"`
	Summary  jsonSummary   `json:"summary"`
}

// jsonTarget is an indicator's progress against its target for the as-of
// year: percentages with two decimals, as strings.
type jsonTarget struct {
	Indicator  string  `json:"indicator"`
	Period     string  `json:"period"` // YTD through this month
	Unit       string  `json:"unit"`
	Target     string  `json:"target"`
	TargetLow  *string `json:"target_low,omitempty"` // 基本持平: the band around last year's value
	TargetHigh *string `json:"target_high,omitempty"`
	YTD        string  `json:"ytd"`
	Completion string  `json:"completion"`
	Elapsed    string  `json:"elapsed"`
	Gap        string  `json:"gap"`
	Lagging    bool    `json:"lagging"`
	YoY        *string `json:"yoy"`
	Complete   bool    `json:"complete"`
}

type jsonClaim struct {
	ID         string   `json:"id"`
	Indicator  string   `json:"indicator"`
	Period     string   `json:"period"`
	Base       string   `json:"base,omitempty"`
	Text       string   `json:"text"`
	Claimed    string   `json:"claimed"`
	Unit       string   `json:"unit"`
	Qualifier  string   `json:"qualifier"`
	Low        *string  `json:"low"`
	High       *string  `json:"high"`
	Interval   string   `json:"interval"`
	Computed   *string  `json:"computed"`
	Difference *string  `json:"difference"`
	Status     string   `json:"status"`
	Severity   string   `json:"severity,omitempty"`
	Notes      []string `json:"notes,omitempty"`
	Line       int      `json:"line,omitempty"`
}

type jsonFinding struct {
	File       string `json:"file"`
	Department string `json:"department"`
	Period     string `json:"period"`
	Sheet      string `json:"sheet"`
	Cell       string `json:"cell"`
	Rule       string `json:"rule"`
	Severity   string `json:"severity"`
	Message    string `json:"message"`
	Raw        string `json:"raw"`
}

type jsonInput struct {
	File       string `json:"file"`
	Department string `json:"department"`
	Period     string `json:"period"`
	Rows       int    `json:"rows"`
	Status     string `json:"status"`
	SHA256     string `json:"sha256"`
}

type jsonSummary struct {
	Files            int `json:"files"`
	Unreadable       int `json:"unreadable"`
	Skipped          int `json:"skipped"`
	Rows             int `json:"rows"`
	RowsConsolidated int `json:"rows_consolidated"`
	RowsRejected     int `json:"rows_rejected"`
	Findings         int `json:"findings"`
	Errors           int `json:"errors"`
	Warnings         int `json:"warnings"`
	Claims           int `json:"claims"`
	Consistent       int `json:"consistent"`
	Mismatch         int `json:"mismatch"`
	NoData           int `json:"no_data"`
	Incomplete       int `json:"incomplete"`
	Unmapped         int `json:"unmapped"`
	// Every non-empty cell of a data sheet: consolidated, rejected (in a
	// rejected row or a file that does not count), checked (the 合计),
	// reported (no figure, with a finding) or template text.
	Cells             int `json:"cells"`
	CellsConsolidated int `json:"cells_consolidated"`
	CellsRejected     int `json:"cells_rejected"`
	CellsChecked      int `json:"cells_checked"`
	CellsReported     int `json:"cells_reported"`
	CellsTemplate     int `json:"cells_template"`
}

func dec(d decimal.Decimal) *string {
	s := d.String()
	return &s
}

func toJSON(r *reconcile.Result, lang reconcile.Lang) jsonResult {
	out := jsonResult{Claims: []jsonClaim{}, Findings: []jsonFinding{}, Inputs: []jsonInput{}}
	for i := range r.Claims {
		cr := &r.Claims[i]
		c := cr.Claim
		qs := make([]string, len(c.Qualifiers))
		for j, q := range c.Qualifiers {
			qs[j] = string(q)
		}
		jc := jsonClaim{ID: c.ID, Indicator: c.Indicator, Period: c.Span.String(), Text: c.Text,
			Claimed: c.Value.String(), Unit: c.Unit.Name, Qualifier: strings.Join(qs, ","),
			Interval: cr.Interval.String(), Status: string(cr.Status), Line: c.Line}
		if c.Has(reconcile.Growth) {
			jc.Base = fmt.Sprint(c.Base)
		}
		if !cr.Interval.NoLo {
			jc.Low = dec(cr.Interval.Lo)
		}
		if !cr.Interval.NoHi {
			jc.High = dec(cr.Interval.Hi)
		}
		if cr.HasComputed {
			jc.Computed, jc.Difference = dec(cr.Computed), dec(cr.Difference)
		}
		if cr.Status == reconcile.Mismatch {
			jc.Severity = string(cr.Severity)
		}
		for _, n := range cr.Notes {
			jc.Notes = append(jc.Notes, n.In(lang))
		}
		out.Claims = append(out.Claims, jc)
	}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{File: f.File, Department: f.Department, Period: f.Period,
			Sheet: f.Sheet, Cell: f.Cell, Rule: string(f.Rule), Severity: string(f.Severity), Message: f.Message(lang), Raw: f.Raw})
	}
	for _, in := range r.Inputs {
		out.Inputs = append(out.Inputs, jsonInput{File: in.File, Department: in.Department, Period: in.Period,
			Rows: in.Rows, Status: in.Status, SHA256: in.SHA256})
	}
	for i := range r.Series {
		se := &r.Series[i]
		p := se.Progress
		if p == nil {
			continue
		}
		jt := jsonTarget{Indicator: se.Indicator.Code, Period: r.AsOf.String(), Unit: se.Indicator.Unit.Name,
			Target: p.TargetVal.String(), YTD: p.YTD.Value.String(), Completion: p.Completion.String(),
			Elapsed: p.Elapsed.String(), Gap: p.Gap.String(), Lagging: p.Lagging, Complete: len(p.YTD.Incomplete) == 0}
		if p.HasYoY {
			jt.YoY = dec(p.YoY)
		}
		if p.Band {
			jt.TargetLow, jt.TargetHigh = dec(p.BandLow), dec(p.BandHigh)
		}
		out.Targets = append(out.Targets, jt)
	}
	s := r.Summary
	out.Summary = jsonSummary{Files: s.Files, Unreadable: s.Unreadable, Skipped: s.Skipped, Rows: s.Rows, RowsConsolidated: s.RowsConsolidated,
		RowsRejected: s.RowsRejected, Findings: s.Findings, Errors: s.Errors, Warnings: s.Warnings, Claims: s.Claims,
		Consistent: s.Consistent, Mismatch: s.Mismatch, NoData: s.NoData, Incomplete: s.Incomplete, Unmapped: s.Unmapped,
		Cells: s.Cells, CellsConsolidated: s.CellsConsolidated, CellsRejected: s.CellsRejected, CellsChecked: s.CellsChecked,
		CellsReported: s.CellsReported, CellsTemplate: s.CellsTemplate}
	return out
}

func writeJSON(w io.Writer, r *reconcile.Result, lang reconcile.Lang) error {
	return encodeJSON(w, toJSON(r, lang))
}

// encodeJSON writes v as tally's commands print JSON: indented, with <, >
// and & as themselves.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// printSummary writes what a person at a terminal needs: the counts, every
// claim that is not consistent, and every error and warning.
func printSummary(w io.Writer, r *reconcile.Result, lang reconcile.Lang, output string) {
	t := func(zh, en string) string { return reconcile.Text{zh, en}.In(lang) }
	s := r.Summary
	fmt.Fprintf(w, t("汇总截至 %s：文件 %d 个（无法读取 %d，晚于截止期未汇总 %d），数据行 %d（已汇总 %d，被拒收 %d），问题 %d 个（错误 %d，警告 %d）\n",
		"through %s: %d files (%d unreadable, %d after it skipped), %d rows (%d consolidated, %d rejected), %d findings (%d errors, %d warnings)\n"),
		r.AsOf, s.Files, s.Unreadable, s.Skipped, s.Rows, s.RowsConsolidated, s.RowsRejected, s.Findings, s.Errors, s.Warnings)
	fmt.Fprintf(w, t("报告数字 %d 个：一致 %d，不符 %d，数据不完整 %d，无数据 %d",
		"%d report figures: %d consistent, %d mismatch, %d incomplete, %d no data"),
		s.Claims, s.Consistent, s.Mismatch, s.Incomplete, s.NoData)
	if s.Unmapped > 0 {
		fmt.Fprintf(w, t("，未对应指标 %d", ", %d unmapped"), s.Unmapped)
	}
	fmt.Fprintln(w)
	var targets []string
	for i := range r.Series {
		se := &r.Series[i]
		p := se.Progress
		if p == nil {
			continue
		}
		line := fmt.Sprintf(t("  %-20s 完成率 %s%%，序时进度 %s%%，差距 %s 个百分点", "  %-20s completion %s%%, time elapsed %s%%, gap %s points"),
			se.Indicator.Code, p.Completion, p.Elapsed, p.Gap)
		if p.HasYoY {
			line += fmt.Sprintf(t("，同比 %s%%", ", year on year %s%%"), p.YoY)
		}
		if p.Lagging {
			line += t("  滞后", "  LAGGING")
		}
		targets = append(targets, line)
	}
	if len(targets) > 0 {
		fmt.Fprintf(w, t("\n目标完成情况（截至 %s）\n", "\nTargets (through %s)\n"), r.AsOf)
		fmt.Fprintln(w, strings.Join(targets, "\n"))
	}
	var lines []string
	for i := range r.Claims {
		cr := &r.Claims[i]
		if cr.Status == reconcile.Consistent || cr.Status == reconcile.Unmapped {
			continue // unmapped figures are listed in the workbook and JSON
		}
		line := fmt.Sprintf("  %-10s %-22s %s %s%s", cr.Status, cr.Claim.ID, cr.Claim.Text, t("区间 ", "interval "), cr.Interval)
		if cr.HasComputed {
			line += fmt.Sprintf(t("，计算值 %s", ", computed %s"), cr.Computed) + cr.Claim.Unit.Name
		}
		if cr.Status == reconcile.Mismatch && cr.Severity == reconcile.Warning {
			line += t("（预计数，警告）", " (an estimate: warning)")
		}
		lines = append(lines, line)
	}
	if len(lines) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, strings.Join(lines, "\n"))
	}
	first := true
	for _, f := range sortedFindings(r.Findings) {
		if f.Severity == reconcile.Info {
			continue
		}
		if first {
			fmt.Fprintln(w)
			first = false
		}
		where := f.Source.String()
		if where == "" {
			where = f.Department + " " + f.Period
		}
		fmt.Fprintf(w, "  %-7s %s: %s\n", f.Severity, where, f.Message(lang))
	}
	if output != "" {
		fmt.Fprintf(w, t("\n已写入 %s\n", "\nwrote %s\n"), output)
	}
}
