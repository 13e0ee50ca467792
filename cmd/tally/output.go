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
	// ClaimsFrom says which report the claims were read from.
	ClaimsFrom jsonClaimsFrom `json:"claims_from"`
	Claims     []jsonClaim    `json:"claims"`
	Findings   []jsonFinding  `json:"findings"`
	Inputs     []jsonInput    `json:"inputs"`
	Targets    []jsonTarget   `json:"targets,omitempty"`
	// ToVerify lists each month figure whole but to be verified (待核实):
	// a figure in it has a month_jump or stock_drop warning its row's 说明
	// does not explain. Absent when none is.
	ToVerify []jsonToVerify `json:"to_verify,omitempty"`
	Summary  jsonSummary    `json:"summary"`
}

// jsonToVerify is a month's total to verify (待核实) and why.
type jsonToVerify struct {
	Indicator string   `json:"indicator"`
	Name      string   `json:"name"`
	Period    string   `json:"period"`
	Value     string   `json:"value"`
	Reasons   []string `json:"reasons"`
}

// jsonClaimsFrom is where the claims come from: the work report given with
// --report (source "report", its file name), or the spec's own claims
// (source "spec", the spec's name).
type jsonClaimsFrom struct {
	Source string `json:"source"`
	Name   string `json:"name"`
	Text   string `json:"text"`
	// YearNote: the report's own text reads another year than the spec's,
	// by which it was read (reconcile --report).
	YearNote string `json:"year_note,omitempty"`
}

// jsonTarget is an indicator's progress against its target for the as-of
// year: percentages with two decimals, as strings. When the year to date is
// incomplete (complete false, missing says what is not there), completion,
// elapsed, gap, lagging and yoy are measured through the last whole month
// (through; measured is the year to date through it), and are null when no
// month is whole.
type jsonTarget struct {
	Indicator string `json:"indicator"`
	Name      string `json:"name"`
	Period    string `json:"period"` // YTD through this month
	Unit      string `json:"unit"`
	// Target is null when it could not be computed: a target relative to
	// a year (relative_to) whose data are not among the files or not
	// whole; not_computed says why, base_missing what of that year is
	// missing.
	Target     *string  `json:"target"`
	TargetLow  *string  `json:"target_low,omitempty"` // 基本持平: the band around last year's value
	TargetHigh *string  `json:"target_high,omitempty"`
	YTD        string   `json:"ytd"`
	Complete   bool     `json:"complete"`
	Missing    []string `json:"missing"`
	// ToVerify: complete, but a figure under completion is to be verified
	// (待核实), and why; absent otherwise.
	ToVerify   []string `json:"to_verify,omitempty"`
	Through    *string  `json:"through"`
	Measured   *string  `json:"measured"`
	Completion *string  `json:"completion"`
	Elapsed    *string  `json:"elapsed"`
	Gap        *string  `json:"gap"`
	Lagging    bool     `json:"lagging"`
	YoY        *string  `json:"yoy"`
	YoYBase    *string  `json:"yoy_base"` // the same months of the previous year
	// A target relative to a year: which, its figure and where it comes
	// from when not its months summed or its 年报 (base_from: December's
	// 本年累计); or, when the target is null, why (not_computed) and what
	// of that year is missing (base_missing).
	RelativeTo  int      `json:"relative_to,omitempty"`
	Base        *string  `json:"base,omitempty"`
	BaseFrom    string   `json:"base_from,omitempty"`
	NotComputed string   `json:"not_computed,omitempty"`
	BaseMissing []string `json:"base_missing,omitempty"`
}

type jsonClaim struct {
	ID        string `json:"id"`
	Indicator string `json:"indicator"`
	Period    string `json:"period"`
	Base      string `json:"base,omitempty"`
	Text      string `json:"text"`
	// Subject is what the figure measures as the report words it (a
	// claim read from the report).
	Subject    string   `json:"subject,omitempty"`
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
	// ToVerify: the status (consistent or mismatch) is on a total to be
	// verified (待核实); the notes say why.
	ToVerify bool `json:"to_verify,omitempty"`
	Line     int  `json:"line,omitempty"`
}

type jsonFinding struct {
	File       string `json:"file"`
	Department string `json:"department"`
	Period     string `json:"period"`
	Sheet      string `json:"sheet"`
	Cell       string `json:"cell"`
	// Cells lists every cell of a run of identical findings said once
	// for its range (Cell is then C4:C63); absent for one cell.
	Cells    []string `json:"cells,omitempty"`
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	Message  string   `json:"message"`
	Raw      string   `json:"raw"`
	// RuleName and SeverityName are the rule's name and the severity's
	// word in the run's language, as the screen and 问题清单 say them.
	RuleName     string `json:"rule_name"`
	SeverityName string `json:"severity_name"`
	// NodeRule is, for a node's own finding carried up by merge
	// (node_finding), the rule it was found by (month_jump).
	NodeRule string `json:"node_rule,omitempty"`
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
	// RowsDuplicate, of rows_rejected: rows of files not used because
	// another file of their department-month counts.
	RowsDuplicate int `json:"rows_duplicate,omitempty"`
	Findings      int `json:"findings"`
	Errors        int `json:"errors"`
	Warnings      int `json:"warnings"`
	Infos         int `json:"infos"` // findings == errors + warnings + infos
	Claims        int `json:"claims"`
	Consistent    int `json:"consistent"`
	Mismatch      int `json:"mismatch"`
	// A mismatch is an error, or a warning for an estimate (预计):
	// mismatch == mismatch_errors + mismatch_warnings. Verdicts on the
	// report, not findings: not in errors or warnings.
	MismatchErrors   int `json:"mismatch_errors"`
	MismatchWarnings int `json:"mismatch_warnings"`
	NoData           int `json:"no_data"`
	Incomplete       int `json:"incomplete"`
	// ToVerify: the indicators whose year to date is whole but to be
	// verified (待核实, 汇总's 状态); ClaimsToVerify: the claims whose
	// verdict (counted in consistent or mismatch) rests on such a total.
	ToVerify       int `json:"to_verify,omitempty"`
	ClaimsToVerify int `json:"claims_to_verify,omitempty"`
	Unmapped       int `json:"unmapped"`
	// Targets the report sets for a later year (status "target"): not
	// verdicts; claims == consistent + mismatch + no_data + incomplete +
	// unmapped + report_targets.
	ReportTargets int `json:"report_targets"`
	// NotApplicable: the figures of an earlier year's report a later
	// year's run has no data for (status not_applicable).
	NotApplicable int `json:"not_applicable,omitempty"`
	// Every non-empty cell of a data sheet: consolidated, rejected (in a
	// rejected row or a file that does not count), checked (the 合计),
	// reported (no figure, with a finding) or template text.
	Cells             int `json:"cells"`
	CellsConsolidated int `json:"cells_consolidated"`
	CellsRejected     int `json:"cells_rejected"`
	CellsChecked      int `json:"cells_checked"`
	CellsReported     int `json:"cells_reported"`
	CellsTemplate     int `json:"cells_template"`
	// Folders that could not be read; not in Files or Unreadable.
	Folders int `json:"unreadable_folders"`
	// Files of a month with a deadline not judged late or on time: no
	// save time to believe (reconcile.Summary.Undated).
	Undated int `json:"undated_files"`
	// SheetsUnread: the tables not read from files that were (a sheet
	// deleted or renamed, a header not found); their rows are in none of
	// the counts (reconcile.Summary.SheetsUnread).
	SheetsUnread int `json:"sheets_unread,omitempty"`
}

func dec(d decimal.Decimal) *string {
	s := d.String()
	return &s
}

func toJSON(r *reconcile.Result, lang reconcile.Lang) jsonResult {
	out := jsonResult{Claims: []jsonClaim{}, Findings: []jsonFinding{}, Inputs: []jsonInput{}}
	if from := r.Spec.ClaimsFrom; from.Report != "" {
		out.ClaimsFrom = jsonClaimsFrom{Source: "report", Name: from.Report, Text: from.Text().In(lang), YearNote: from.YearNote.In(lang)}
	} else {
		out.ClaimsFrom = jsonClaimsFrom{Source: "spec", Name: from.Spec, Text: from.Text().In(lang)}
	}
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
		if base, ok := c.BaseYear(); ok && !c.Has(reconcile.AvgGrowth) { // as the workbook's 期间 says it
			jc.Base = fmt.Sprint(base)
		}
		if c.Subject != "" || c.Indicator == "" {
			jc.Subject = c.Subject
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
		jc.ToVerify = cr.ToVerify
		out.Claims = append(out.Claims, jc)
	}
	for _, f := range r.Findings {
		jf := jsonFinding{File: f.File, Department: f.Department, Period: f.Period,
			Sheet: f.Sheet, Cell: f.Cell, Cells: f.Cells, Rule: string(f.Rule), Severity: string(f.Severity),
			RuleName: f.Rule.Name(lang), SeverityName: f.Severity.In(lang), Message: f.Message(lang), Raw: f.Raw}
		if f.Rule == reconcile.RuleNodeFinding {
			jf.NodeRule, _ = f.Fields["rule"].(string)
		}
		out.Findings = append(out.Findings, jf)
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
		jt := jsonTarget{Indicator: se.Indicator.Code, Name: se.Indicator.Name, Period: r.AsOf.String(), Unit: se.Indicator.Unit.Name,
			YTD: p.YTD.Value.String(), Lagging: p.Lagging, Complete: p.Complete(), Missing: []string{}, RelativeTo: p.Target.RelativeTo}
		if p.Uncomputed {
			jt.NotComputed = p.Stated().In(lang) + reconcile.Text{"：", ": "}.In(lang) + p.Why().In(lang)
			for _, m := range p.Base.Incomplete {
				jt.BaseMissing = append(jt.BaseMissing, m.In(lang))
			}
		} else {
			jt.Target = dec(p.TargetVal)
			if p.Target.RelativeTo != 0 {
				jt.Base, jt.BaseFrom = dec(p.Base.Value), p.Base.From.In(lang)
			}
		}
		for _, m := range p.Missing {
			jt.Missing = append(jt.Missing, m.In(lang))
		}
		if p.Complete() && p.Measured.ToVerify() {
			for _, d := range p.Measured.Doubtful {
				jt.ToVerify = append(jt.ToVerify, d.In(lang))
			}
		}
		if p.Judged() {
			th := reconcile.Period{Year: r.AsOf.Year, Month: p.Through}.String()
			jt.Through, jt.Measured = &th, dec(p.Measured.Value)
			jt.Completion, jt.Elapsed, jt.Gap = dec(p.Completion), dec(p.Elapsed), dec(p.Gap)
		}
		if p.HasYoY {
			jt.YoY, jt.YoYBase = dec(p.YoY), dec(p.Prior.Value)
		}
		if p.Band {
			jt.TargetLow, jt.TargetHigh = dec(p.BandLow), dec(p.BandHigh)
		}
		out.Targets = append(out.Targets, jt)
	}
	for i := range r.Series {
		se := &r.Series[i]
		for m := 1; m <= r.AsOf.Month && se.Year == r.AsOf.Year; m++ {
			if f := se.Months[m]; f.ToVerify() {
				jv := jsonToVerify{Indicator: se.Indicator.Code, Name: se.Indicator.Name, Period: reconcile.Period{Year: se.Year, Month: m}.String(), Value: f.Value.String()}
				for _, d := range f.Doubtful {
					jv.Reasons = append(jv.Reasons, d.In(lang))
				}
				out.ToVerify = append(out.ToVerify, jv)
			}
		}
	}
	s := r.Summary
	out.Summary = jsonSummary{Files: s.Files, Unreadable: s.Unreadable, Folders: s.Folders, Skipped: s.Skipped, Rows: s.Rows, RowsConsolidated: s.RowsConsolidated,
		RowsRejected: s.RowsRejected, RowsDuplicate: s.RowsDuplicate, Findings: s.Findings, Errors: s.Errors, Warnings: s.Warnings, Infos: s.Infos, Claims: s.Claims,
		Consistent: s.Consistent, Mismatch: s.Mismatch,
		MismatchErrors: s.Mismatch - s.MismatchWarnings, MismatchWarnings: s.MismatchWarnings, NoData: s.NoData, Incomplete: s.Incomplete, ToVerify: s.ToVerify, ClaimsToVerify: s.ClaimsToVerify, Unmapped: s.Unmapped, ReportTargets: s.Goals, NotApplicable: s.NotApplicable,
		Cells: s.Cells, CellsConsolidated: s.CellsConsolidated, CellsRejected: s.CellsRejected, CellsChecked: s.CellsChecked,
		CellsReported: s.CellsReported, CellsTemplate: s.CellsTemplate, Undated: s.Undated, SheetsUnread: s.SheetsUnread}
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

// printSummary writes what a person at a terminal needs: the counts, each
// target with whether its figures are whole, every claim that is not
// consistent with why, and every finding counted, under the severity words
// the workbook uses.
// duplicateRows says the rows of files not used beside the rows rejected,
// when there are any: a re-sent copy's rows are not refused ones.
func duplicateRows(n int) reconcile.Text {
	if n == 0 {
		return reconcile.Text{}
	}
	return reconcile.Text{fmt.Sprintf("，重复报送未采用 %d", n), fmt.Sprintf(", %d in duplicate files not used", n)}
}

func printSummary(w io.Writer, r *reconcile.Result, lang reconcile.Lang, output string) {
	t := func(zh, en string) string { return reconcile.Text{zh, en}.In(lang) }
	s := r.Summary
	fmt.Fprintln(w, say(lang, msg{"汇总截至 {as_of}：文件 {files} 个（无法读取 {unreadable}，报告期在 {as_of} 之后、本次不汇总 {skipped}），数据行 {rows}（已汇总 {consolidated}，被拒收 {rejected}{duplicate}），{findings}",
		"through {as_of}: {files} files ({unreadable} unreadable, {skipped} for months after {as_of}, not consolidated), {rows} rows ({consolidated} consolidated, {rejected} rejected{duplicate}), {findings}"},
		fields{"as_of": r.AsOf, "files": s.Files, "unreadable": s.Unreadable, "skipped": s.Skipped, "rows": s.Rows, "consolidated": s.RowsConsolidated,
			"rejected": s.RowsRejected - s.RowsDuplicate, "duplicate": duplicateRows(s.RowsDuplicate), "findings": findingCounts(lang, s.Findings, s.Errors, s.Warnings, s.Infos)}))
	if s.Folders > 0 {
		fmt.Fprintln(w, say(lang, msg{"另有无法读取的文件夹 {folders} 个，其中的文件未读取", "also {folders}, whose files were not read"},
			fields{"folders": counted(s.Folders, "%d", "unreadable folder", "unreadable folders")}))
	}
	if s.SheetsUnread > 0 {
		fmt.Fprintln(w, say(lang, msg{"另有未读取的工作表 {n} 张（缺少工作表或找不到表头，见下面的错误）：其中的行不在以上行数中，其中的数字未汇总",
			"also {n} not read (missing, or its header not found: see the errors below): their rows are in none of the counts above, their figures not consolidated"},
			fields{"n": counted(s.SheetsUnread, "%d", "sheet", "sheets")}))
	}
	printUndated(w, lang, s.Undated)
	if from := r.Spec.ClaimsFrom.Text(); from != (reconcile.Text{}) {
		fmt.Fprintln(w, t("报告数字来源：", "Report figures from: ")+from.In(lang))
	}
	if n := r.Spec.ClaimsFrom.YearNote; n != (reconcile.Text{}) {
		fmt.Fprintln(w, n.In(lang))
	}
	fmt.Fprint(w, say(lang, msg{"报告数字 {claims} 个：一致 {consistent}，不符 {mismatch}，数据不完整 {incomplete}，无数据 {no_data}",
		"{claims}: {consistent} consistent, {mismatch}, {incomplete} incomplete, {no_data} no data"},
		fields{"claims": counted(s.Claims, "%d", "report figure", "report figures"), "consistent": s.Consistent, "mismatch": mismatchCount(lang, s.Mismatch, s.MismatchWarnings),
			"incomplete": s.Incomplete, "no_data": s.NoData}))
	if s.Unmapped > 0 {
		fmt.Fprint(w, say(lang, msg{"，未对应指标 {n}", ", {n} unmapped"}, fields{"n": s.Unmapped}))
	}
	if s.Goals > 0 {
		fmt.Fprint(w, say(lang, msg{"，目标 {n}", ", {n} targets"}, fields{"n": s.Goals}))
	}
	if s.NotApplicable > 0 {
		fmt.Fprint(w, say(lang, msg{"，不适用 {n}", ", {n} not applicable"}, fields{"n": s.NotApplicable}))
	}
	if s.ClaimsToVerify > 0 {
		fmt.Fprint(w, say(lang, msg{"；其中 {n} 个的结论（一致或不符）所依据的汇总数待核实", "; {n} of the verdicts (consistent or mismatch) on a total to verify"}, fields{"n": s.ClaimsToVerify}))
	}
	fmt.Fprintln(w)
	printToVerify(w, r, lang)
	if s.NotApplicable > 0 {
		// Said once: the figures of an earlier year's report this run
		// has no data for are not its to verify.
		fmt.Fprintln(w, say(lang, msg{"  不适用：其中 {n} 个是 {year} 年报告中的数字，所依据的数据不在本次（截至 {asof}）汇总之中，不作核对、不影响退出码；核对该报告请汇总 {year} 年的数据（--as-of {year}-12）",
			"  not applicable: {n} are figures of the {year} report whose data are not in this run (through {asof}); not checked, not affecting the exit code; to check that report, run over {year}'s data (--as-of {year}-12)"},
			fields{"n": s.NotApplicable, "year": r.Spec.Year, "asof": r.AsOf}))
	}
	printTargets(w, r, lang)
	var verdicts, texts, details []string
	for i := range r.Claims {
		cr := &r.Claims[i]
		if cr.Status == reconcile.Consistent && !cr.ToVerify || cr.Status == reconcile.Unmapped || cr.Status == reconcile.Goal || cr.Status == reconcile.NotApplicable {
			continue // unmapped figures and targets are listed below
		}
		line := t("区间 ", "interval ") + cr.Interval.String()
		if u := cr.Claim.Unit.Name; u != "" {
			line += " " + u // the claim's unit, as the computed value has it
		}
		partial := cr.HasComputed && cr.Status == reconcile.Incomplete
		switch {
		case partial:
			// What the data there are give, said as such: a partial sum
			// is no computed value to hold against the report's.
			line += say(lang, msg{"，部分值 {value}{unit}（仅含已有数据，不与报告数比较", ", partial value {value}{unit} (the data there are only, not compared with the report"},
				fields{"value": cr.Computed, "unit": cr.Claim.Unit.Name})
		case cr.HasComputed:
			line += say(lang, msg{"，计算值 {value}{unit}", ", computed {value}{unit}"}, fields{"value": cr.Computed, "unit": cr.Claim.Unit.Name})
		}
		if cr.Status == reconcile.Mismatch && cr.Severity == reconcile.Warning {
			line += t("（预计数，警告）", " (an estimate: warning)")
		}
		switch {
		case partial && len(cr.Notes) > 0:
			line += t("；", "; ") + joinTexts(cr.Notes, lang) + t("）", ")")
		case partial:
			line += t("）", ")")
		case len(cr.Notes) > 0 && (cr.Status != reconcile.Mismatch || cr.ToVerify):
			line += t("（", " (") + joinTexts(cr.Notes, lang) + t("）", ")")
		}
		verdict := cr.Status.In(lang)
		if cr.ToVerify {
			verdict += t("（待核实）", " (to verify)")
		}
		verdicts = append(verdicts, verdict)
		texts = append(texts, claimText(r.Spec, cr.Claim, lang))
		details = append(details, line)
	}
	if len(verdicts) > 0 {
		fmt.Fprintln(w)
		vw := widest(verdicts)
		for i := range verdicts {
			fmt.Fprintf(w, "  %s  %s  %s\n", pad(verdicts[i], vw), texts[i], details[i])
		}
	}
	printGoals(w, r, lang)
	printUnmapped(w, r, lang)
	fs := sortedFindings(r.Findings)
	if len(fs) > 0 {
		fmt.Fprintln(w)
		sev := make([]string, len(fs))
		for i, f := range fs {
			sev[i] = f.Severity.In(lang)
		}
		sw := widest(sev)
		for i, f := range fs {
			if where := f.Source.String(); where != "" {
				fmt.Fprintf(w, "  %s  %s: %s\n", pad(sev[i], sw), oneLine(where), oneLine(f.Message(lang)))
			} else { // a department-month: the message names it
				fmt.Fprintf(w, "  %s  %s\n", pad(sev[i], sw), oneLine(f.Message(lang)))
			}
		}
	}
	if output != "" {
		fmt.Fprint(w, say(lang, msg{"\n已写入 {path}\n", "\nwrote {path}\n"}, fields{"path": output}))
	} else {
		fmt.Fprint(w, say(lang, msg{"\n结果只显示在屏幕上，未写入文件；加 -o 汇总.xlsx 可写出汇总工作簿（含明细、报送情况和问题清单）\n",
			"\nresults shown here only, no file written; add -o consolidated.xlsx to write the consolidated workbook (with the detail, submissions and findings)\n"}, nil))
	}
}

// printToVerify lists the indicators whose total is whole but to be
// verified (待核实), with why, and what the office does about it.
func printToVerify(w io.Writer, r *reconcile.Result, lang reconcile.Lang) {
	if r.Summary.ToVerify == 0 {
		return
	}
	fmt.Fprintln(w, say(lang, msg{"待核实的指标 {n} 个：汇总数含未说明的异常数字（本月数异常或期末数骤降，见下面的警告），请与报送单位核实，更正后重新汇总，属实则请其在该行“说明”栏写明原因",
		"{n} to verify: a total holds a figure out of line not explained (month_jump or stock_drop, see the warnings below); check it with the department: a corrected file is consolidated again, a true figure gets its reason in the row's 说明"},
		fields{"n": counted(r.Summary.ToVerify, "%d", "indicator", "indicators")}))
	for i := range r.Series {
		if se := &r.Series[i]; se.YTD.ToVerify() {
			fmt.Fprintf(w, "  %s  %s\n", se.Indicator.Name, joinTexts(se.YTD.Doubtful, lang))
		}
	}
}

// claimText is a claim's text led by its subject where the text leaves it
// out (reconcile.Spec.Label).
func claimText(s *reconcile.Spec, c *reconcile.Claim, lang reconcile.Lang) string {
	if s == nil {
		return c.Text
	}
	return s.Label(c, lang)
}

// printGoals lists the report's targets for a year after the one it
// reviews, each with its progress (or that its year has no data yet):
// goals, not verdicts.
func printGoals(w io.Writer, r *reconcile.Result, lang reconcile.Lang) {
	var lines []string
	for i := range r.Claims {
		cr := &r.Claims[i]
		if cr.Status != reconcile.Goal {
			continue
		}
		lines = append(lines, "  "+claimText(r.Spec, cr.Claim, lang)+"  "+joinTexts(cr.Notes, lang))
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprint(w, say(lang, msg{"\n报告中的目标（{n} 个，不作为 {year} 年的事实核对）\n", "\nTargets in the report ({n}; not checked as facts of {year})\n"},
		fields{"n": len(lines), "year": r.Spec.Year}))
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// printUnmapped lists the report's figures that were not checked, briefly:
// one line per report line, each figure with its subject where the text
// leaves it out, and the reason when it is not the want of an indicator (a
// target restated, a figure of part of the year). The workbook and --json
// have every detail; the count above is not left without its figures.
func printUnmapped(w io.Writer, r *reconcile.Result, lang reconcile.Lang) {
	type group struct {
		line  int
		items []string
	}
	var groups []group
	for i := range r.Claims {
		cr := &r.Claims[i]
		if cr.Status != reconcile.Unmapped {
			continue
		}
		item := claimText(r.Spec, cr.Claim, lang)
		if cr.Claim.NotChecked != (reconcile.Text{}) {
			item += reconcile.Text{"（", " ("}.In(lang) + cr.Claim.NotChecked.In(lang) + reconcile.Text{"）", ")"}.In(lang)
		}
		if n := len(groups); n > 0 && groups[n-1].line == cr.Claim.Line {
			groups[n-1].items = append(groups[n-1].items, item)
			continue
		}
		groups = append(groups, group{cr.Claim.Line, []string{item}})
	}
	if len(groups) == 0 {
		return
	}
	fmt.Fprint(w, say(lang, msg{"\n未对应指标、未核对的报告数字（{n} 个，详见工作簿“报告核对”表）\n", "\nReport figures not checked: no indicator or not a result ({n}; the workbook's Claims sheet has each)\n"},
		fields{"n": r.Summary.Unmapped}))
	lines := make([]string, len(groups))
	for i, g := range groups {
		lines[i] = say(lang, msg{"第 {line} 行", "line {line}"}, fields{"line": g.line})
	}
	lw := widest(lines)
	for i, g := range groups {
		fmt.Fprintf(w, "  %s  %s\n", pad(lines[i], lw), strings.Join(g.items, reconcile.Text{"；", "; "}.In(lang)))
	}
}

// say fills a message of the command's in lang.
func say(lang reconcile.Lang, m msg, f fields) string { return reconcile.Fill(m, f, lang) }

// findingCounts says how many findings of each severity, in lang, with the
// same words the lists use: 问题 12 个（错误 10，警告 1，提示 1）.
func findingCounts(lang reconcile.Lang, n, errs, warns, infos int) string {
	if lang == reconcile.English {
		return fmt.Sprintf("%s (%s, %s, %s)", plural(n, "finding", "findings"),
			plural(errs, "error", "errors"), plural(warns, "warning", "warnings"), plural(infos, "info", "info"))
	}
	return fmt.Sprintf("问题 %d 个（错误 %d，警告 %d，提示 %d）", n, errs, warns, infos)
}

// mismatchCount says how many claims mismatch and, when any does, how
// many of them are errors and how many warnings (estimates, 预计), in the
// words the claim lines use: 1（错误 0，警告 1）, "1 mismatch (0 errors, 1
// warning)". They are verdicts on the report, counted apart from the
// findings in the files, so a 警告 shown on a claim line is counted here.
func mismatchCount(lang reconcile.Lang, n, warns int) string {
	if lang == reconcile.English {
		s := plural(n, "mismatch", "mismatches")
		if n > 0 {
			s += fmt.Sprintf(" (%s, %s)", plural(n-warns, "error", "errors"), plural(warns, "warning", "warnings"))
		}
		return s
	}
	if n == 0 {
		return "0"
	}
	return fmt.Sprintf("%d（错误 %d，警告 %d）", n, n-warns, warns)
}

// plural writes n with the English word's singular or plural.
// counted is a count in both languages, one field for both: zh a format
// placing the number (%d 个问题), one and many the English nouns.
// printUndated says once a run, when any, how many files of a month with
// a deadline were not judged late or on time for want of a save time to
// believe (reconcile.Summary.Undated): one line, not a finding on every
// file a program such as openpyxl saved.
func printUndated(w io.Writer, lang reconcile.Lang, n int) {
	if n == 0 {
		return
	}
	fmt.Fprintln(w, say(lang, msg{"未判断是否逾期：{files}没有可信的保存时间（未记录，或记录的是模板的固定时间、早于报告期的时间；用 openpyxl 等程序保存的文件常常如此）",
		"not judged late or on time: {files} with no save time to believe (none recorded, the template's fixed stamp, or a time before their month, as files saved by openpyxl often have)"},
		fields{"files": counted(n, "%d 个文件", "file", "files")}))
}

func counted(n int, zh, one, many string) reconcile.Text {
	return reconcile.Text{fmt.Sprintf(zh, n), plural(n, one, many)}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// joinTexts joins reasons in lang: 、 in Chinese, "; " in English.
func joinTexts(ts []reconcile.Text, lang reconcile.Lang) string {
	parts := make([]string, len(ts))
	for i, x := range ts {
		parts[i] = x.In(lang)
	}
	return strings.Join(parts, reconcile.Text{"；", "; "}.In(lang))
}

// deptLabel names a department for a reader, its code in brackets for
// the flags that take one: 科技科（kjk）; the code alone when the spec does
// not know it.
func deptLabel(s *reconcile.Spec, code string, lang reconcile.Lang) string {
	if s != nil {
		if d, ok := s.Department(code); ok {
			return say(lang, msg{"{name}（{code}）", "{name} ({code})"}, fields{"name": d.Name, "code": code})
		}
	}
	return code
}

// deptName returns a department's name, or its code when the spec has none.
func deptName(s *reconcile.Spec, code string) string {
	if s != nil {
		if d, ok := s.Department(code); ok {
			return d.Name
		}
	}
	return code
}

// months names January to month m: 1–6月, Jan–Jun.
func months(lang reconcile.Lang, m int) string {
	en := []string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	if m == 1 {
		return reconcile.Text{"1月", "Jan"}.In(lang)
	}
	return reconcile.Text{fmt.Sprintf("1–%d月", m), "Jan–" + en[m]}.In(lang)
}

// printTargets writes each target's line: 完成率, 序时进度, the gap, 同比
// and 滞后 — measured through the last whole month and saying so, with the
// missing department-months under it, when the year to date is incomplete.
func printTargets(w io.Writer, r *reconcile.Result, lang reconcile.Lang) {
	t := func(zh, en string) string { return reconcile.Text{zh, en}.In(lang) }
	var names, lines, notes []string
	for i := range r.Series {
		se := &r.Series[i]
		p := se.Progress
		if p == nil {
			continue
		}
		var line string
		switch {
		case p.Uncomputed:
			// A target relative to a year whose data are not here, or
			// not whole: stated, and why no rate, never a rate on a
			// partial base.
			line = say(lang, msg{"目标：{stated}（{why}），未计算完成率", "target: {stated} ({why}); no completion computed"},
				fields{"stated": p.Stated().In(lang), "why": p.Why().In(lang)})
		case !p.Judged():
			line = t("无完整月份，未比较完成率与序时进度", "no whole month: completion not compared with time elapsed")
		default:
			line = say(lang, msg{"完成率 {completion}%，序时进度 {elapsed}%，差距 {gap} 个百分点", "completion {completion}%, time elapsed {elapsed}%, gap {gap} points"},
				fields{"completion": pct(p.Completion), "elapsed": pct(p.Elapsed), "gap": pct(p.Gap)})
			switch {
			case p.HasYoY:
				line += say(lang, msg{"，同比 {yoy}%", ", year on year {yoy}%"}, fields{"yoy": pct(p.YoY)})
			case len(p.Prior.Incomplete) > 0:
				line += t("，上年同期不完整，未计算同比", ", the same months of last year incomplete: no year on year")
			}
			if !p.Complete() {
				line = say(lang, msg{"按{months}：", "{months}: "}, fields{"months": months(lang, p.Through)}) + line
			}
			if p.Lagging {
				line += t("  滞后", "  LAGGING")
			}
		}
		note := ""
		switch {
		case p.Uncomputed && len(p.Base.Incomplete)+len(p.Missing) > 0:
			// What of the base year is missing, then of this year.
			line += t("  数据不完整", "  INCOMPLETE")
			note = joinTexts(append(append([]reconcile.Text(nil), p.Base.Incomplete...), p.Missing...), lang)
		case p.Uncomputed:
		case !p.Complete():
			line += t("  数据不完整", "  INCOMPLETE")
			note = joinTexts(p.Missing, lang)
		case p.Measured.ToVerify():
			line += t("  待核实", "  TO VERIFY")
			note = joinTexts(p.Measured.Doubtful, lang)
		}
		names = append(names, se.Indicator.Name)
		lines = append(lines, line)
		notes = append(notes, note)
	}
	if len(names) == 0 {
		return
	}
	fmt.Fprint(w, say(lang, msg{"\n目标完成情况（截至 {as_of}）\n", "\nTargets (through {as_of})\n"}, fields{"as_of": r.AsOf}))
	nw := widest(names)
	for i := range names {
		fmt.Fprintf(w, "  %s  %s\n", pad(names[i], nw), lines[i])
		if notes[i] != "" {
			fmt.Fprintf(w, "  %s  %s\n", pad("", nw), notes[i])
		}
	}
}

// pct shows a percentage with two decimals, as the workbook does.
func pct(d decimal.Decimal) string { return d.StringFixed(2) }
