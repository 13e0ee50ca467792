package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/templates"
	"github.com/jingwu/tally/workbook"
	"github.com/spf13/cobra"
)

// templateOptions holds the flags of tally template.
type templateOptions struct {
	spec     specOptions
	Period   string
	Depts    []string
	From     string
	Output   string
	Password string
	Force    bool
	List     bool
}

func newTemplateCommand(io streams) *cobra.Command {
	var opts templateOptions
	cmd := &cobra.Command{
		Use:   io.t("template --period 报告期 -o 文件夹 [选项]", "template --period P -o DIR [flags]"),
		Short: io.t("生成各部门下载填报的模板，每个部门一个工作簿", "Write the fill-in workbooks departments download, one per department"),
		Long: io.t(`为报告期（月份如 2021-03，年报如 2020）的每个部门生成一个工作簿，文件名为
“报告期-单位代码.xlsx”：一张填报说明，各数据表（表头和合计行锁定，输入单元格带中文
提示和数据验证），以及 tally 用来识别回收文件的隐藏标记。

--from 文件夹：用该文件夹中上一期的报送文件预填每一行的企业、项目或村（居），并把
本年累计设为上月累计加本月，部门只需填本月数。上月被审核拒收的行和本年累计有错误的
格（按 tally check 审核该部门在该文件夹中本年到上月的报表）不预填本年累计，逐一说明
原因。上一期没有文件或无法读取的部门会逐一说明，其模板为空白。

--dept 可用单位代码或名称（如 czs 或 财政所）。-o 文件夹不存在时自动创建。已有的文件
不加 --force 不会覆盖。`, `Write one workbook per department for the period (2021-03 for a month, 2020 for
the annual report), named <period>-<dept>.xlsx: a 填报说明 sheet, the data
sheets with locked headers and 合计 rows, validated input cells with Chinese
prompts, and a hidden fingerprint by which tally recognises the returned file.

With --from DIR, the previous period's submissions in DIR prefill each row's
enterprise, project or village, and 本年累计 as last month's plus this month's
本月, so departments type only this month. A row the check rejected last
month, or a 本年累计 it found an error at (tally check over the department's
months of the year in DIR), gets no 本年累计, with a line saying why.

--dept takes a department's code or name (czs or 财政所). The -o folder is
made as needed. Existing files are not overwritten without --force.`),
		Example: `  tally template --list
  tally template --period 2021-04 -o templates/
  tally template --period 2021-04 --dept czs --from returns/2021-03 -o out/`,
		Args: args(cobra.NoArgs, noArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTemplate(io, &opts)
		},
	}
	opts.spec.AddFlags(cmd, io)
	f := cmd.Flags()
	f.StringVar(&opts.Period, "period", "", io.t("报告期：`年-月`或年（如 2021-04、2020）", "the period: `YYYY-MM` or YYYY"))
	f.StringSliceVar(&opts.Depts, "dept", nil, io.t("只生成这些部门的模板（`代码或名称`，可重复；默认全部）", "only the templates of these departments (`CODE|NAME`, repeatable; all by default)"))
	f.StringVar(&opts.From, "from", "", io.t("用`文件夹`中上一期的报送文件预填", "prefill from the previous period's submissions in `DIR`"))
	f.StringVarP(&opts.Output, "output", "o", "", io.t("把工作簿写入`文件夹`（不存在时自动创建）", "write the workbooks into `DIR` (made as needed)"))
	f.StringVar(&opts.Password, "password", "", io.t("用`密码`保护数据表（默认无密码）", "protect the data sheets with `PASSWORD` (none by default)"))
	f.BoolVar(&opts.Force, "force", false, io.t("覆盖已有文件", "overwrite existing files"))
	f.BoolVar(&opts.List, "list", false, io.t("列出各部门及其指标", "list the departments and their indicators"))
	return cmd
}

func runTemplate(io streams, opts *templateOptions) error {
	s, _, _, err := opts.spec.load()
	if err != nil {
		return err
	}
	if opts.List {
		listDepartments(io, s)
		return nil
	}
	if opts.Period == "" || opts.Output == "" {
		return usage(msg{"需要 --period 和 -o（或用 --list 查看部门）", "--period and -o are required (or --list)"}, nil)
	}
	p, ok := parsePeriodFlag(opts.Period)
	if !ok {
		return usage(msg{"--period “{value}”：应为年-月或年，如 2021-04 或 2020", "--period \"{value}\": want YYYY or YYYY-MM"}, fields{"value": opts.Period})
	}
	depts, err := selectDepartments(s, opts.Depts, p)
	if err != nil {
		return err
	}
	if err := ensureDir(opts.Output); err != nil {
		return err
	}
	prev := map[string]*reconcile.Submission{}
	bad := map[string]string{} // department → its previous file that could not be read
	before := p.Prev()
	if !p.IsMonth() {
		before = reconcile.Period{Year: p.Year - 1}
	}
	// Every readable return before the period, by department: a sheet the
	// previous period's return lacks (renamed, deleted) is prefilled from
	// the latest of them that has it.
	older := map[string][]*reconcile.Submission{}
	// The returns the 本年累计 is carried from — a department's months of
	// the year up to the previous one — for tally's check to judge which
	// of the previous month's rows it accepted (checkCarried).
	carries := p.IsMonth() && before.Year == p.Year
	wanted := map[string]bool{}
	for _, d := range depts {
		wanted[d.Code] = true
	}
	year := map[string][]reconcile.Submission{}
	now := runClock()
	var inputs []input
	if opts.From != "" {
		files, err := collect([]string{opts.From})
		if err != nil {
			return err
		}
		// A return named as one but no spreadsheet (2021-03-czs.csv) is
		// that month's unreadable file; other files are no returns.
		files, _ = notSubmissions(files, s, workbook.DefaultLimits, opts.spec.Path)
		inputs = files
		// In the run's order: of two files for one department-month, the
		// one that counts (the later save, then the later name) prefills.
		identifyOrder(files, s, runtime.NumCPU(), workbook.DefaultLimits, now)
		// tally's own outputs a folder holds are no returns: a
		// consolidated workbook, an annotated copy nobody has saved since
		// (the return itself prefills, not its copy), a template nobody
		// has filled.
		files = slices.DeleteFunc(files, func(in input) bool { return in.consolidated || (in.annotated || in.unfilled) && in.walked })
		for _, sub := range readAll(files, s, runtime.NumCPU(), workbook.DefaultLimits) {
			if carries && wanted[sub.Department] && sub.Period.IsMonth() && sub.Period.Year == before.Year && !before.Before(sub.Period) {
				year[sub.Department] = append(year[sub.Department], sub)
			}
			if !sub.Unreadable && sub.Department != "" && sub.Period.Before(before) && sub.Period.IsMonth() == before.IsMonth() {
				sub := sub
				older[sub.Department] = append(older[sub.Department], &sub)
			}
			switch {
			case sub.Period != before || sub.Department == "" || prev[sub.Department] != nil:
			case sub.Unreadable:
				bad[sub.Department] = sub.File
			default:
				sub := sub
				prev[sub.Department] = &sub
				delete(bad, sub.Department)
			}
		}
	}
	known := newInputFiles(inputs)
	for _, d := range depts {
		path := filepath.Join(opts.Output, templates.FileName(d, p))
		if in, ok := known.which(path); ok {
			return usage(msg{"{path} 就是 --from 读取的输入文件 {input}；即使加 --force 也从不覆盖输入文件", "{path} is the input {input} read by --from; inputs are never overwritten, even with --force"}, fields{"path": path, "input": in})
		}
	}
	for _, d := range depts {
		path := filepath.Join(opts.Output, templates.FileName(d, p))
		if err := refuseExisting(path, opts.Force, nil); err != nil {
			return err
		}
		var fill templates.Fill
		var notes []prefillNote // what the prefill could not take from the previous return, and why
		topts := templates.Options{Password: opts.Password}
		if sub := prev[d.Code]; sub != nil {
			fill = templates.Prefill(sub, p)
			var verdict *carryVerdict
			if carries && sub.Period == before {
				verdict = checkCarried(s, year[d.Code], before, now)
			}
			notes = prefillGaps(d, p, sub, older[d.Code], fill, verdict)
			codes := verdict
			if codes == nil && sub.Period.IsMonth() {
				// No 本年累计 carried (a January from December): the
				// return is checked for its codes with the month before
				// it when DIR has it, else against its own template's.
				subs := []reconcile.Submission{*sub}
				for _, o := range older[d.Code] {
					if o.Period == sub.Period.Prev() {
						subs = []reconcile.Submission{*o, *sub}
						break
					}
				}
				codes = checkCarried(s, subs, sub.Period, now)
			}
			notes = append(notes, prefillKnownCodes(sub, fill, codes)...)
			topts.Prefilled = filepath.Base(sub.File)
			for _, n := range notes {
				topts.PrefillNotes = append(topts.PrefillNotes, n.in(reconcile.Chinese, true))
			}
		}
		book, err := templates.Build(s, d, p, fill, topts)
		var buf bytes.Buffer
		if err == nil {
			err = workbook.WriteBook(&buf, book)
		}
		var out []byte
		if err == nil {
			// Marked as tally wrote it (workbook.UnfilledProperty): left
			// in a folder of returns, it is not read as one until a
			// department fills it in and saves it.
			out, err = workbook.MarkOwn(buf.Bytes(), workbook.UnfilledProperty)
		}
		if err != nil {
			return fail(msg{"无法生成 {dept} 的模板", "template {dept}"}, fields{"dept": d.Name}, err)
		}
		if err := writeAtomic(path, out); err != nil {
			return err
		}
		switch {
		case prev[d.Code] != nil:
			fmt.Fprintln(io.Out, reconcile.Fill(msg{"已写入 {path}（已按 {from} 预填）", "wrote {path} (prefilled from {from})"},
				fields{"path": path, "from": prev[d.Code].File}, io.Lang))
			for _, n := range notes {
				fmt.Fprintln(io.Out, "  "+n.in(io.Lang, false))
			}
		case opts.From != "":
			why := msg{"{from} 中没有 {dept} {period} 的文件", "{from} has no file of {dept} for {period}"}
			if bad[d.Code] != "" {
				why = msg{"{dept} {period} 的文件 {file} 无法读取", "{dept}'s file for {period}, {file}, cannot be read"}
			}
			fmt.Fprintln(io.Out, reconcile.Fill(msg{"已写入 {path}（未预填：", "wrote {path} (not prefilled: "}, fields{"path": path}, io.Lang)+
				reconcile.Fill(why, fields{"from": opts.From, "dept": d.Name, "period": before.String(), "file": bad[d.Code]}, io.Lang)+io.t("）", ")"))
		default:
			fmt.Fprintln(io.Out, reconcile.Fill(msg{"已写入 {path}", "wrote {path}"}, fields{"path": path}, io.Lang))
		}
	}
	return nil
}

// prefillKnownCodes prefills, for a row whose credit code the check
// found mistyped in prev (credit_code: invalid, where the code the row's
// name had — last month's return's, or its template's — is known), that
// known code instead of the slip, and says so: prefilled again, the slip
// came back every month. A valid code other than last month's
// (credit_code_changed) is kept: it may be a real change, which the
// department explains.
func prefillKnownCodes(prev *reconcile.Submission, fill templates.Fill, v *carryVerdict) []prefillNote {
	if v == nil {
		return nil
	}
	var notes []prefillNote
	for _, sh := range prev.Sheets {
		if sh.Table == nil {
			continue
		}
		content := fill[sh.Table.ID]
		for ri := range sh.Rows {
			r := &sh.Rows[ri]
			if r.Code == "" || r.CodeSource.Cell == "" || content == nil || ri >= len(content.Rows) || content.Rows[ri].Name != r.Name || content.Rows[ri].Code != r.Code {
				continue
			}
			for _, f := range v.atCell[prev.File+"|"+sh.Name+"|"+r.CodeSource.Cell] {
				known, _ := f.Fields["known_code"].(string)
				said, _ := f.Fields["known"].(reconcile.Text)
				if f.Rule != reconcile.RuleCreditCode || known == "" {
					continue
				}
				content.Rows[ri].Code = known
				notes = append(notes, prefillNote{msg{"提示：{sheet} 中“{name}”的统一社会信用代码按{known}预填，没有沿用 {file} 中 {cell} 所填的“{typed}”（校验位错误，疑为录入错误）；请填报单位按营业执照核对",
					"note: {sheet}: \"{name}\"'s credit code is prefilled as {known}, not as \"{typed}\", typed at {cell} of {file} (a wrong check character, a typing slip by the look of it); the department checks it against the business licence"},
					fields{"sheet": sh.Name, "name": r.Name, "known": said, "file": prev.File, "cell": r.CodeSource.Cell, "typed": r.Code}})
				break
			}
		}
	}
	return notes
}

// prefillNote is one thing a prefill could not take from the previous
// return: said on the terminal in the run's language and, in Chinese, in
// the template's 填报说明.
type prefillNote struct {
	m msg
	f fields
}

// in renders the note; inBook names files by their base name, as the
// department that opens the template knows them (the office's paths, or the
// desk's store, mean nothing there).
func (n prefillNote) in(lang reconcile.Lang, inBook bool) string {
	f := n.f
	if inBook {
		f = fields{}
		for k, v := range n.f {
			if s, ok := v.(string); ok && (k == "file" || k == "older") {
				v = filepath.Base(s)
			}
			f[k] = v
		}
	}
	return reconcile.Fill(n.m, f, lang)
}

// selectDepartments returns the departments asked for that submit for p.
func selectDepartments(s *reconcile.Spec, codes []string, p reconcile.Period) ([]*reconcile.Department, error) {
	var out []*reconcile.Department
	if len(codes) == 0 {
		for i := range s.Departments {
			if len(s.Departments[i].TablesFor(p)) > 0 {
				out = append(out, &s.Departments[i])
			}
		}
		return out, nil
	}
	for _, c := range codes {
		d, ok := findDepartment(s, c)
		if !ok {
			return nil, unknownDept(s, c, msg{"--dept {dept}：没有这个部门（tally template --list 列出全部）", "--dept {dept}: no such department (tally template --list shows them)"}, fields{"dept": c})
		}
		if len(d.TablesFor(p)) == 0 {
			return nil, usage(msg{"--dept {dept}：{name} 在 {period} 没有要报送的表", "--dept {dept}: {name} submits nothing for {period}"}, fields{"dept": c, "name": d.Name, "period": p})
		}
		out = append(out, d)
	}
	return out, nil
}

// listDepartments lists each department, its tables and their indicators,
// names first, aligned by display width.
func listDepartments(io streams, s *reconcile.Spec) {
	freq := map[reconcile.Frequency]msg{reconcile.Monthly: {"月报", "monthly"}, reconcile.Annual: {"年报", "annual"}}
	rows := [][]string{{io.t("部门 / 表 / 指标", "Department / table / indicator"), io.t("代码", "Code"), io.t("单位或周期", "Unit or frequency"), io.t("工作表", "Sheet")}}
	for _, d := range s.Departments {
		rows = append(rows, []string{d.Name, d.Code, "", ""})
		for _, t := range d.Tables {
			rows = append(rows, []string{"  " + t.Sheet, t.ID, freq[t.Frequency].In(io.Lang), t.Sheet})
			for _, code := range t.IndicatorCodes() {
				def, _ := s.Indicator(code)
				rows = append(rows, []string{"    " + def.Name, def.Code, def.Unit.Name, ""})
			}
		}
	}
	printTable(io.Out, rows)
}

// findDepartment finds a department by its code (czs, any case) or its
// name (财政所), as every --dept takes it.
func findDepartment(s *reconcile.Spec, c string) (*reconcile.Department, bool) {
	c = strings.TrimSpace(c)
	if d, ok := s.Department(strings.ToLower(c)); ok {
		return d, true
	}
	for i := range s.Departments {
		if s.Departments[i].Name == c {
			return &s.Departments[i], true
		}
	}
	return nil, false
}

// nearDepartments are the departments closest to a name or code that
// names none (财务所: 财政所; cz: czs), as commands and flags are
// suggested: a name one character away (one of three changes a word) or
// that contains what was typed (财政: 财政所); a code one slip away (cz,
// czz) or with its letters swapped (tzj: tjz). Each is said by name with
// its code.
func nearDepartments(s *reconcile.Spec, typed string, lang reconcile.Lang) []string {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return nil
	}
	code := strings.ToLower(typed)
	var out []string
	for _, d := range s.Departments {
		byName := editDistance(typed, d.Name) <= 1 || strings.Contains(d.Name, typed) || strings.Contains(typed, d.Name)
		byCode := len(code) > 1 && (editDistance(code, d.Code) <= 1 || sameLetters(code, d.Code))
		if byName || byCode {
			out = append(out, deptLabel(s, d.Code, lang))
		}
	}
	return out
}

// unknownDept is the usage error of a --dept that names no department,
// with the departments nearest to it suggested.
func unknownDept(s *reconcile.Spec, typed string, m msg, f fields) error {
	zh, en := nearDepartments(s, typed, reconcile.Chinese), nearDepartments(s, typed, reconcile.English)
	if len(zh) == 0 {
		return usage(m, f)
	}
	f["near"] = reconcile.Text{strings.Join(zh, " 或 "), strings.Join(en, " or ")}
	return usage(msg{m.In(reconcile.Chinese) + "\n您是不是要用 {near}？", m.In(reconcile.English) + "\nDid you mean {near}?"}, f)
}

// sameLetters says whether a and b are the same letters in another order.
func sameLetters(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := []rune(a), []rune(b)
	sort.Slice(x, func(i, j int) bool { return x[i] < x[j] })
	sort.Slice(y, func(i, j int) bool { return y[i] < y[j] })
	return string(x) == string(y)
}

// prefillGaps says what prefilling p's template of d from the previous
// period's return prev could not take from it, never leaving it silent:
// a sheet prev lacks (renamed or deleted) is prefilled, with each row's
// identity only, from the latest earlier return in --from that has it
// (fill gets it), or said to be blank; a row whose 本年累计 prev holds as
// no figure (a formula without a value, a text) is said by name and cell,
// its 本年累计 not carried. So is, with the check's reason, a 本年累计 of a
// row the check (verdict, over --from's months of the year) rejected or
// at which it raised an error (ytd_chain): carried, the wrong figure
// would start the month and every later month's chain. Its figure is not
// corrected (the expected figure of ytd_chain is quoted, not carried):
// the department corrects the previous return and types the 本年累计.
func prefillGaps(d *reconcile.Department, p reconcile.Period, prev *reconcile.Submission, older []*reconcile.Submission, fill templates.Fill, verdict *carryVerdict) []prefillNote {
	var notes []prefillNote
	has := func(sub *reconcile.Submission, id string) bool {
		for _, sh := range sub.Sheets {
			if sh.Table != nil && sh.Table.ID == id {
				return true
			}
		}
		return false
	}
	for _, t := range d.TablesFor(p) {
		if has(prev, t.ID) {
			continue
		}
		var from *reconcile.Submission
		for _, o := range older {
			if has(o, t.ID) && (from == nil || from.Period.Before(o.Period)) {
				from = o
			}
		}
		if from == nil {
			notes = append(notes, prefillNote{msg{"警告：{file} 中没有工作表“{sheet}”，较早的报送文件中也没有，该表未预填（空白）",
				"warning: {file} has no sheet \"{sheet}\", nor has an earlier return: that sheet is not prefilled (blank)"},
				fields{"file": prev.File, "sheet": t.Sheet}})
			continue
		}
		for id, content := range templates.PrefillNames(from) {
			if id == t.ID {
				fill[id] = content
			}
		}
		notes = append(notes, prefillNote{msg{"警告：{file} 中没有工作表“{sheet}”，该表改按 {older}（{period}）预填企业、项目或村（居）名称和代码；本年累计未预填（不是上月的累计），请填报单位填写",
			"warning: {file} has no sheet \"{sheet}\": that sheet is prefilled from {older} ({period}) with the names and codes only; 本年累计 is not prefilled (not last month's), the department types it"},
			fields{"file": prev.File, "sheet": t.Sheet, "older": from.File, "period": from.Period.String()}})
	}
	if !p.IsMonth() || !prev.Period.IsMonth() || prev.Period.Year != p.Year {
		return notes // no 本年累计 is carried across a year
	}
	for _, sh := range prev.Sheets {
		if sh.Table == nil {
			continue
		}
		for ri := range sh.Rows {
			r := &sh.Rows[ri]
			for ci, c := range sh.Table.Columns {
				if c.Measure != reconcile.YTDValue || ci >= len(r.Cells) {
					continue
				}
				cell := r.Cells[ci]
				if cell.State == reconcile.Number && verdict != nil {
					// An error elsewhere in a row the check accepted (a
					// credit code) leaves its figures, and the carry, standing.
					atCell := len(verdict.atCell[prev.File+"|"+sh.Name+"|"+cell.Source.Cell]) > 0
					if !atCell && verdict.accepted(prev.File, sh.Name, r) {
						continue
					}
					why, known := verdict.why(prev.File, sh.Name, cell.Source.Cell, r.Line)
					if content := fill[sh.Table.ID]; content != nil && ri < len(content.Rows) && content.Rows[ri].Name == r.Name {
						delete(content.Rows[ri].Values, ci)
					}
					if !known {
						why = reconcile.Text{"未通过审核", "it did not pass the check"}
					}
					m := msg{"警告：{name} 的本年累计未预填：{file} 中 {sheet}!{cell} 所在行被审核拒收（{why}），请填报单位填写本年累计",
						"warning: {name}'s 本年累计 is not prefilled: the row of {sheet}!{cell} in {file} was rejected by the check ({why}); the department types its 本年累计"}
					if atCell {
						m = msg{"警告：{name} 的本年累计未预填：{file} 中 {sheet}!{cell} 未通过审核（{why}），请填报单位填写本年累计",
							"warning: {name}'s 本年累计 is not prefilled: {sheet}!{cell} in {file} failed the check ({why}); the department types its 本年累计"}
					}
					notes = append(notes, prefillNote{m, fields{"name": r.Name, "file": prev.File, "sheet": sh.Name, "cell": cell.Source.Cell, "why": why}})
					continue
				}
				if cell.State != reconcile.Invalid {
					continue
				}
				notes = append(notes, prefillNote{msg{"警告：{name} 的本年累计未预填：{file} 中 {sheet}!{cell} 不是可用的数字（{raw}，已被审核拒收），请填报单位填写本年累计",
					"warning: {name}'s 本年累计 is not prefilled: {sheet}!{cell} in {file} is no usable figure ({raw}, refused by the check); the department types its 本年累计"},
					fields{"name": r.Name, "file": prev.File, "sheet": sh.Name, "cell": cell.Source.Cell, "raw": cell.Raw}})
			}
		}
	}
	return notes
}
