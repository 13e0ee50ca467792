package reconcile

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Options tune a run.
type Options struct {
	// AsOf is the last month consolidated; the zero value means December of
	// the spec's year.
	AsOf Period
	// Check runs the checks only (tally check): every file is in scope, no
	// month is expected, no claim is evaluated.
	Check bool
	// Detail, when set, receives every consolidated cell instead of
	// Result.Detail, so a large run need not hold them. The entry is the
	// ledger's, reused: Detail copies what it keeps.
	Detail func(*Entry)
	// Stage, when set, makes the stage that holds a streamed file's detail
	// until the file is read to its end (Ledger.Begin): a temporary file,
	// or DiscardStage when Detail discards. Without it a streamed file's
	// detail is held in memory until then.
	Stage func() DetailStage
	// MaxFindingsPerFile, when positive, lists at most that many findings
	// of one file, then one summary finding (bound.go).
	MaxFindingsPerFile int
	// MaxFindingText, when positive, clips a cell's text in findings to
	// that many characters.
	MaxFindingText int
	// NoDetail: the run keeps no detail (no -o workbook), so no Entry is
	// made; Detail and Stage are not called.
	NoDetail bool
	// Received, when set, gives the day (YYYY-MM-DD) the office received
	// each file, by its name as given (the web desk's upload day): a month's
	// lateness is judged by that day instead of the date the file records
	// (late_upload instead of late_submission), as the desk's board does.
	Received map[string]string
	// Now is the run's clock (RFC 3339, UTC): a file recording a save
	// time past it (InFuture) is said so (future_save_time), and that time
	// is not believed — neither to judge it late nor to make it count
	// over another file of its month. "" checks nothing.
	Now string
	// SpillMonths keeps the departments' months for the checks across
	// months on disk past MemMonthValues row figures in memory (spill.go),
	// so memory does not grow with the departments. The caller calls
	// Ledger.Close when done and fails the run on Ledger.Err.
	SpillMonths bool
}

// Input is one input file as the result lists it.
type Input struct {
	File       string
	Department string
	Period     string
	Rows       int
	SHA256     string
	Status     string // ok, findings, unreadable, duplicate, skipped
	Template   string // the template version its fingerprint names
	saved      string
	savedAt    Text   // saved with its time and zone, for a message (saveTime)
	received   string // Options.Received's day for the file, "" when not given
}

// Entry is one consolidated value cell, traceable to its source.
type Entry struct {
	Source
	Department string
	Period     Period
	Indicator  string
	Measure    Measure
	Entity     string
	Code       string
	Value      Num // exact, as read (Num.Decimal for a decimal.Decimal)
	Raw        string
	AsText     bool
}

// Figure is a consolidated value and whether it is whole.
type Figure struct {
	Value      decimal.Decimal
	Has        bool   // some data went into it
	Incomplete []Text // why it is not whole; empty when complete
	// Doubtful says why it is to be verified (待核实): a figure in it has
	// a plausibility warning (month_jump, stock_drop) its row's 说明 does
	// not explain — a 本月 in 元 in a 万元 column is consolidated, and
	// the total with it. In order of department, month and cell. A figure
	// both incomplete and doubtful is said incomplete (ToVerify).
	Doubtful []Text
	// From says where a past year's figure comes from when not from its
	// months summed or its 年报: December's 本年累计 (decemberYTD).
	From Text
}

// ToVerify reports whether the figure is whole but to be verified (待核实):
// Incomplete wins over Doubtful.
func (f Figure) ToVerify() bool { return len(f.Incomplete) == 0 && len(f.Doubtful) > 0 }

func (f *Figure) add(g Figure) {
	if g.Has {
		f.Value = f.Value.Add(g.Value)
		f.Has = true
	}
	f.Incomplete = appendUnique(f.Incomplete, g.Incomplete...)
	f.Doubtful = appendUnique(f.Doubtful, g.Doubtful...)
}

// Series is one indicator's consolidated figures for the report year and
// the history years.
type Series struct {
	Indicator *Indicator
	Year      int
	Months    [13]Figure // 1–12; only months up to AsOf are filled
	YTD       Figure     // January to AsOf
	Years     map[int]Figure
	Progress  *Progress // against the year's target, when it has one
}

// LastLevel returns the last month through the as-of month with a figure
// consolidated, and that figure (for a stock, its latest level); 0 when no
// month has one.
func (s *Series) LastLevel() (int, Figure) {
	for m := 12; m >= 1; m-- {
		if s.Months[m].Has {
			return m, s.Months[m]
		}
	}
	return 0, Figure{}
}

// Summary counts what a run saw. Rows == RowsConsolidated + RowsRejected.
type Summary struct {
	Files, Unreadable, Skipped int
	// Folders are the folders among the inputs that could not be listed
	// (each an unreadable_folder finding); they are not files, so not in
	// Files or Unreadable.
	Folders                int
	Rows, RowsConsolidated int
	RowsRejected           int
	// RowsDuplicate, of RowsRejected: the rows of files not used because
	// another file of their department-month counts (duplicate_submission),
	// said apart so a re-sent copy does not read as rows refused.
	RowsDuplicate                int
	Findings, Errors, Warnings   int
	Infos                        int // Findings == Errors + Warnings + Infos
	Claims, Consistent, Mismatch int
	NoData, Incomplete, Unmapped int
	// ToVerify are the indicators whose year to date is whole but to be
	// verified (待核实: Figure.ToVerify), as 汇总's 状态 says them;
	// ClaimsToVerify the verdicts (consistent or mismatch, counted there
	// too) on such a total (ClaimResult.ToVerify).
	ToVerify, ClaimsToVerify int
	// Goals are the report's targets for a later year (status Goal):
	// shown with progress, not verdicts.
	Goals int
	// NotApplicable are the report's figures a later year's run has no
	// data for (status NotApplicable): listed once, not verdicts.
	NotApplicable int
	// MismatchWarnings are the mismatches of estimates (预计): a warning,
	// not an error; Mismatch - MismatchWarnings are errors. They are
	// verdicts on the report, not findings, so not in Warnings.
	MismatchWarnings int
	// Every non-empty cell of a data sheet: Cells == CellsConsolidated +
	// CellsRejected + CellsChecked + CellsReported + CellsTemplate.
	Cells, CellsConsolidated, CellsRejected    int
	CellsChecked, CellsReported, CellsTemplate int
	// Undated are the files of a month with a deadline that record no
	// save time to believe (none, tally's template stamp that openpyxl
	// keeps, one before the month began; RecordedSave) and were not
	// uploaded on the desk: whether they were late was not judged. Files
	// read only: an unreadable file records nothing tally could see.
	Undated int
	// SheetsUnread are the department's tables not read from a file read
	// (missing_sheet: deleted or renamed; missing_column: a header not
	// found): their rows and cells are in none of the counts above.
	SheetsUnread int
}

// Result is everything a run found, ready to be written.
type Result struct {
	Spec     *Spec
	AsOf     Period
	Inputs   []Input
	Series   []Series
	Status   []SubmissionState
	Claims   []ClaimResult
	Findings []Finding
	Detail   []Entry
	Summary  Summary
}

type figKey struct {
	ind string
	p   Period
}

// Ledger consolidates submissions one at a time, in period order, keeping
// totals and only what the next month's checks need: its memory does not
// grow with the number of files or rows (the detail goes to Options.Detail).
type Ledger struct {
	spec     *Spec
	asOf     Period
	figs     map[figKey]*Figure
	ytds     map[figKey]*Figure  // a month's 本年累计 column, summed (December's against the 年报)
	received map[string]bool     // dept|period with a file, readable or not
	chosen   map[string]Identity // dept|period → the readable file that counts
	notSheet map[string]bool     // files no spreadsheet by their name (MarkNotSpreadsheet)
	// future are the files whose save time is in the run's future
	// (future_save_time, said); undated those of a month with a deadline
	// that record no save time to believe, so were not judged late
	// (Summary.Undated, said once a run).
	future, undated map[string]bool
	tx              *FileRead // the file being added
	// fileStart is where the findings of the file last committed begin
	// in the result: the checks across months, run after it, replace its
	// ytd_below_month by the more specific ytd_chain (sameYTD).
	fileStart int
	reported  map[string]bool // dept|period reported as not submitted
	// otherYears are the years other than the as-of year whose months are
	// among the files but not all there: no month of them is a missing
	// submission of this run (missing), and the run says once per year
	// which files they are (otherYearMonths).
	otherYears map[int]bool
	months     map[string]*monthState
	// held is the row figures of the months kept (MaxHeldMonthValues),
	// memHeld those in memory (MemMonthValues, with Options.SpillMonths);
	// spill keeps the others on disk (spill.go).
	held    int
	memHeld int
	spill   monthSpill
	// spareMonth is a month no longer kept, whose memory the next month
	// takes (newMonthState); spareSeen the last sheet's duplicate check's
	// map, emptied, for the next sheet (SheetRead.End).
	spareMonth *monthState
	spareSeen  map[hashKey]firstRow
	// spareKept is the last sheet's kept figures' array, emptied, for the
	// next sheet (checkTotalRange's; SheetRead.End): not grown again from
	// nothing for every sheet.
	spareKept []keptFig
	codes     map[string]codeUse
	check     bool
	detail    func(*Entry)
	entry     Entry // the entry consolidate hands to detail or the stage, which copy what they keep
	res       *Result
	// Bounds on findings (bound.go) and the unreadable files whose
	// department-month may yet be read from another file.
	opt        Options
	bounds     map[string]*findingBound
	boundOrder []string
	longSeen   map[uint64]bool
	used       map[string]bool // dept|period with a readable file used
	unreadable map[string]Text // dept|period → why its first unreadable file was not
	unreadKeys []string
	unreadSubs []unreadSub
	// missingOf is what each note missing gave stands for, so that a
	// claim's notes can name a department's missing periods as spans.
	missingOf map[Text]missingNote
	// jumps are the rows' 本月 figures per year for the month-jump check
	// (jump.go), jumpCount how many, jumpsOver: past MaxJumpValues (or
	// the check is off).
	jumps     jumpStore
	jumpCount int
	jumpsOver bool
	jumpBuf   []jumpVal // a finished file's FileRead.jumps, for the next file to reuse
	// levels are each department's latest month's row levels for the
	// stock-drop check (stock.go), levelCount how many, levelsOver: past
	// MaxLevelValues.
	levels     map[string]*levelMonth
	levelCount int
	levelsOver bool
}

// NewLedger starts a run.
func NewLedger(spec *Spec, opt Options) *Ledger {
	asOf := opt.AsOf
	if asOf.Year == 0 {
		asOf = Period{spec.Year, 12}
	}
	l := &Ledger{
		spec:     spec,
		asOf:     asOf,
		figs:     map[figKey]*Figure{},
		ytds:     map[figKey]*Figure{},
		received: map[string]bool{},
		chosen:   map[string]Identity{},
		reported: map[string]bool{},
		months:   map[string]*monthState{},
		codes:    map[string]codeUse{},
		check:    opt.Check,
		detail:   opt.Detail,
		res:      &Result{Spec: spec, AsOf: asOf},
		opt:      opt,
		bounds:   map[string]*findingBound{}, longSeen: map[uint64]bool{},
		used: map[string]bool{}, unreadable: map[string]Text{},
	}
	if l.detail == nil {
		l.detail = func(e *Entry) { l.res.Detail = append(l.res.Detail, *e) }
	}
	// With the month-jump check off, no file gathers its figures.
	l.jumpsOver = spec.Plausibility.JumpRatio.Sign() <= 0
	return l
}

// Consolidate reads every submission into exact totals, runs the checks and
// evaluates the spec's claims. Submissions are added in period order, then
// file order, so the result does not depend on the order they were read in.
func Consolidate(spec *Spec, subs []Submission, opt Options) *Result {
	sorted := append([]Submission(nil), subs...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return IdentityAt(&sorted[i], opt.Now).Before(IdentityAt(&sorted[j], opt.Now))
	})
	l := NewLedger(spec, opt)
	for i := range sorted {
		l.Add(&sorted[i])
	}
	return l.Result()
}

// SortSubmissions puts submissions in the order a ledger takes them (see
// Identity.Before): by period and department, the file that counts first;
// unidentified files last.
func SortSubmissions(subs []Submission) {
	sort.SliceStable(subs, func(i, j int) bool {
		return IdentityOf(&subs[i]).Before(IdentityOf(&subs[j]))
	})
}

// Result finishes the run: expected files, rules over totals, series,
// status, claims and the summary.
func (l *Ledger) Result() *Result {
	l.markUnreadable()
	l.companions()
	if !l.check {
		l.checkMissing()
	}
	l.checkTotalRules()
	l.checkJumps()
	if !l.check {
		l.compareAnnuals()
	}
	l.summariseBounds()
	l.buildSeries()
	if !l.check {
		l.buildStatus()
		l.res.Claims = EvaluateClaims(l.spec, l.yearFigure)
		for i := range l.res.Claims {
			l.res.Claims[i].Notes = l.spans(l.res.Claims[i].Notes)
			l.outOfRun(&l.res.Claims[i])
		}
		l.otherYearMonths()
	}
	l.res.Findings = GroupRuns(ReportOrder(l.res.Findings, l.spec, l.res.Inputs))
	l.summarise()
	return l.res
}

func (l *Ledger) fig(ind string, p Period) *Figure {
	k := figKey{ind, p}
	f := l.figs[k]
	if f == nil {
		f = &Figure{}
		l.figs[k] = f
	}
	return f
}

// finding adds a finding of the run, or of the file being added: held
// with it until it is committed.
func (l *Ledger) finding(f Finding) {
	if l.tx != nil {
		l.tx.own.add(f)
		return
	}
	l.bounded(f)
}

// after reports whether p lies after the as-of month: such a file is not
// consolidated in this run.
func (l *Ledger) after(p Period) bool {
	if p.Year != l.asOf.Year {
		return p.Year > l.asOf.Year
	}
	return p.IsMonth() && p.Month > l.asOf.Month
}

// indicatorsOf lists the indicators a department submits for period p.
func (l *Ledger) indicatorsOf(dept string, p Period) []string {
	d, ok := l.spec.Department(dept)
	if !ok {
		return nil
	}
	var out []string
	for _, t := range d.TablesFor(p) {
		out = appendUnique(out, t.IndicatorCodes()...)
	}
	return out
}

// markDoubtful makes the month figure of ind that a plausibility warning
// (rule) at src in dept's file for p stands in doubtful (Figure.Doubtful),
// unless the row's 说明 explains it (note): the warning's own finding
// carries the note then (已说明). Only a figure the run consolidates.
func (l *Ledger) markDoubtful(dept, ind string, p Period, src Source, rule Rule, note string) {
	if note != "" || l.check || l.after(p) {
		return
	}
	f, ok := l.figs[figKey{ind, p}]
	if !ok {
		return
	}
	at := src.Sheet + "!" + src.Cell
	what := catalogue[rule].name
	why := Text{fmt.Sprintf("%s %s %s %s（%s），待核实", l.deptName(dept), p, at, what[0], rule),
		fmt.Sprintf("%s %s %s: %s (%s), to verify", l.deptName(dept), p, at, what[1], rule)}
	// Kept in order as they come: a binary search for the place, not a
	// scan and a sort per reason (a file of many jumps adds many).
	i, found := slices.BinarySearchFunc(f.Doubtful, why, func(a, b Text) int { return strings.Compare(a[0], b[0]) })
	for ; found && i < len(f.Doubtful) && f.Doubtful[i][0] == why[0]; i++ {
		if f.Doubtful[i] == why {
			return
		}
	}
	f.Doubtful = slices.Insert(f.Doubtful, i, why)
}

func (l *Ledger) markIncomplete(dept string, p Period, why Text) {
	for _, ind := range l.indicatorsOf(dept, p) {
		f := l.fig(ind, p)
		f.Incomplete = appendUnique(f.Incomplete, why)
	}
}

// Add consolidates one submission read whole.
func (l *Ledger) Add(s *Submission) {
	s = l.recorded(s)
	if s.Department != "" && !l.check && l.after(s.Period) || !s.Unreadable && s.Department != "" {
		fr := l.begin(s, nil) // nil stage: nothing can fail past here
		if fr == nil {
			return
		}
		for i := range s.Sheets {
			sh := &s.Sheets[i]
			sr := fr.Sheet(sh.Table, sh.Name)
			if sh.Total != nil {
				sr.Total(sh.Total)
			}
			for _, st := range sh.Subtotals {
				sr.Subtotal(st)
			}
			for ri := range sh.Rows {
				sr.Row(&sh.Rows[ri])
			}
			sr.Merged(sh.Merges)
			sr.End(sh.Cells)
		}
		fr.Commit()
		return
	}
	in := Input{File: s.File, Department: s.Department, SHA256: s.SHA256, Status: "unreadable", Template: s.Template, saved: s.Saved, savedAt: saveTime(s), received: l.receivedOn(s.File)}
	if s.Department != "" {
		in.Period = s.Period.String()
	}
	for _, f := range s.Findings {
		l.finding(f)
	}
	if f, late := l.late(s); late {
		l.finding(f)
	}
	if s.Department != "" {
		l.received[s.Department+"|"+s.Period.String()] = true
		l.noteUnreadable(s.Department+"|"+s.Period.String(), s)
	}
	l.res.Inputs = append(l.res.Inputs, in)
}

// AddOwnWorkbook records an input that is a consolidated workbook tally
// wrote (an earlier run's -o saved among the submissions): it is listed,
// with an info finding, and not read as a submission.
func (l *Ledger) AddOwnWorkbook(file string) {
	l.finding(Finding{Source: Source{File: file}, Rule: RuleOwnWorkbook, Severity: Info})
	l.res.Inputs = append(l.res.Inputs, Input{File: file, Status: "consolidated"})
}

// AddAnnotatedCopy records an input that is an annotated copy tally wrote
// (check --annotate, the desk's copy) that nobody has saved since: it is
// listed, with an info finding, and not read as a return — the copy of a
// return kept in a folder inside the returns' would be that return twice.
func (l *Ledger) AddAnnotatedCopy(file string) {
	l.finding(Finding{Source: Source{File: file}, Rule: RuleAnnotatedCopy, Severity: Info})
	l.res.Inputs = append(l.res.Inputs, Input{File: file, Status: "annotated"})
}

// AddUnfilledTemplate records an input that is a template tally template
// wrote and nobody has filled in (saved) since: listed, with an info
// finding, and not read as a return — next month's templates kept in the
// returns' folder would be a month of empty returns.
func (l *Ledger) AddUnfilledTemplate(file string) {
	l.finding(Finding{Source: Source{File: file}, Rule: RuleUnfilledTemplate, Severity: Info})
	l.res.Inputs = append(l.res.Inputs, Input{File: file, Status: "template"})
}

// MarkNotSpreadsheet tells the ledger, before the file is added, that a
// file is no spreadsheet by its name but is named as a return
// (2021-07-czs.pdf, .csv): unreadable, it stands for its month only when
// no readable file of that month counts; beside one (a stamped scan sent
// with the workbook) it is listed with an info finding, not an error.
func (l *Ledger) MarkNotSpreadsheet(file string) {
	if l.notSheet == nil {
		l.notSheet = map[string]bool{}
	}
	l.notSheet[file] = true
}

// companions turns the unreadable finding of a file MarkNotSpreadsheet
// named into an info when a readable file of its month counts.
func (l *Ledger) companions() {
	if len(l.notSheet) == 0 {
		return
	}
	done := map[string]bool{}
	for i := range l.res.Findings {
		f := &l.res.Findings[i]
		if !l.notSheet[f.File] || f.Rule != RuleUnreadable || f.Department == "" {
			continue
		}
		key := f.Department + "|" + f.Period
		if !l.used[key] {
			continue
		}
		*f = Finding{Source: Source{File: f.File}, Department: f.Department, Period: f.Period, Rule: RuleCompanion,
			Severity: Info, Fields: Fields{"used": l.chosen[key].File}}
		done[f.File] = true
	}
	for i := range l.res.Inputs {
		if in := &l.res.Inputs[i]; done[in.File] && in.Status == "unreadable" {
			in.Status = "not_submission"
		}
	}
}

// AddNotSubmission records a file found in a folder read that is neither
// a spreadsheet nor named as a submission: listed with an info finding,
// not read, not counted among the files.
func (l *Ledger) AddNotSubmission(file string) {
	l.finding(Finding{Source: Source{File: file}, Rule: RuleNotSubmission, Severity: Info})
	l.res.Inputs = append(l.res.Inputs, Input{File: file, Status: "not_submission"})
}

// AddSameFile records a path that reaches the file read as used (a hard
// or symbolic link): listed, with an info finding, and not read again.
func (l *Ledger) AddSameFile(path, used string) {
	l.finding(Finding{Source: Source{File: path}, Rule: RuleSameFile, Severity: Info, Fields: Fields{"used": used}})
	l.res.Inputs = append(l.res.Inputs, Input{File: path, Status: "same_file"})
}

// late: a month's file saved after the spec's deadline day of the next
// month, by the date the file itself records.
func (l *Ledger) late(s *Submission) (Finding, bool) {
	due, ok := l.due(s.Period)
	if day := l.receivedOn(s.File); day != "" {
		if !ok || day <= due {
			return Finding{}, false
		}
		return Finding{Source: Source{File: s.File}, Department: s.Department, Period: s.Period.String(),
			Rule: RuleLateUpload, Severity: Warning, Fields: Fields{"received": day, "due": due}}, true
	}
	if ok && s.Saved == "" && !l.future[s.File] {
		if l.undated == nil {
			l.undated = map[string]bool{}
		}
		l.undated[s.File] = true
	}
	if !ok || s.Saved == "" || s.Saved <= due {
		return Finding{}, false
	}
	return Finding{Source: Source{File: s.File}, Department: s.Department, Period: s.Period.String(),
		Rule: RuleLate, Severity: Warning, Fields: Fields{"saved": saveTime(s), "due": due}}, true
}

// saveTime is when a file records it was saved, for a message, saying in
// which time: 北京时间 when the file records its zone (the deadline is a
// day in Beijing; Excel and openpyxl write UTC, so 23:30 UTC is the next
// day there), the saving computer's clock when it records none (as
// LibreOffice writes), else the date as the file gives it.
func saveTime(s *Submission) Text {
	t, err := time.Parse(time.RFC3339Nano, s.Modified)
	switch {
	case err != nil:
		return Text{s.Saved, s.Saved}
	case s.SavedLocal:
		at := t.UTC().Format("2006-01-02 15:04")
		return Text{at + "（保存文件的电脑上的时间，文件未记录时区）", at + " (the saving computer's clock; the file records no time zone)"}
	}
	at := t.In(beijing).Format("2006-01-02 15:04")
	return Text{at + "（北京时间）", at + " Beijing time (UTC+8)"}
}

// receivedOn is the day the office received file (Options.Received), or "".
func (l *Ledger) receivedOn(file string) string { return l.opt.Received[file] }

// due returns the date (YYYY-MM-DD) a month's submission is due by.
func (l *Ledger) due(p Period) (string, bool) {
	if l.spec.Deadline == 0 || !p.IsMonth() {
		return "", false
	}
	next := Period{p.Year, p.Month + 1}
	if p.Month == 12 {
		next = Period{p.Year + 1, 1}
	}
	return fmt.Sprintf("%s-%02d", next, l.spec.Deadline), true
}

// savedText is a file's recorded save time for a message: in 北京时间
// (UTC+8, saying so) in Chinese, in UTC in English; "" (no time to believe,
// see RecordedSave) says it was not recorded.
func savedText(modified string) any {
	t, err := time.Parse(time.RFC3339Nano, modified)
	if err != nil {
		return Text{"未记录保存时间", "no save time recorded"}
	}
	return Text{"保存于 " + t.In(beijing).Format("2006-01-02 15:04:05") + "（北京时间）", "saved " + t.In(beijing).Format("2006-01-02 15:04:05") + " Beijing time (UTC+8)"}
}

// savesText says when the file that counts (used) and this one were
// saved, for the duplicate-file finding: 该文件保存于 …，本文件未记录保存时间 /
// that one saved …, this one has no save time recorded; when neither says,
// once (两个文件都未记录保存时间 / neither file records when it was saved).
func savesText(used, this string) Text {
	_, uerr := time.Parse(time.RFC3339Nano, used)
	_, terr := time.Parse(time.RFC3339Nano, this)
	if uerr != nil && terr != nil {
		return Text{"两个文件都未记录保存时间", "neither file records when it was saved"}
	}
	u, t := savedText(used).(Text), savedText(this).(Text)
	en := func(s string) string {
		if s == "no save time recorded" {
			return "has no save time recorded"
		}
		return s
	}
	return Text{"该文件" + u[0] + "，本文件" + t[0], "that one " + en(u[1]) + ", this one " + en(t[1])}
}

// beijing is China Standard Time, UTC+8 all year.
var beijing = time.FixedZone("CST", 8*60*60)

// rejectedRows says which rows of a sheet were rejected, in a clerk's
// words, not Excel's row ranges (内资到位!5:5): 内资到位 第5行, 税收收入 第6、12行
// (row 5, rows 6, 12), the first few and how many (n in all).
func rejectedRows(file, sheet string, first []int, n int) Text {
	refs := make([]string, 0, 3)
	for _, line := range first[:min(len(first), 3)] {
		refs = append(refs, strconv.Itoa(line))
	}
	at := Source{File: file, Sheet: sheet}.String()
	more := ""
	if n > len(refs) {
		more = "…"
	}
	zh := fmt.Sprintf("%s 第%s行%s", at, strings.Join(refs, "、"), more)
	word := "rows"
	if len(refs) == 1 {
		word = "row"
	}
	en := fmt.Sprintf("%s %s %s%s", at, word, strings.Join(refs, ", "), more)
	if n == 1 {
		return Text{"被拒收的行：" + zh, "rejected row: " + en}
	}
	return Text{fmt.Sprintf("被拒收的行 %d 行：%s", n, zh), fmt.Sprintf("%d rejected rows: %s", n, en)}
}

// consolidate adds one accepted value cell (column ci of row r) to the
// file's figures and the detail.
func (l *Ledger) consolidate(sr *SheetRead, ci int, r *Row, cell *Cell, ind string) {
	fr := sr.fr
	if fr.noSum {
		return
	}
	c := &sr.sh.Table.Columns[ci]
	if !l.opt.NoDetail {
		s := &fr.s
		slots, inPlace := fr.stage.(EntrySlots)
		e := &l.entry // one Entry a run, handed on by pointer (192 bytes)
		if inPlace {
			e = slots.Slot() // the stage's own: written once, not copied
		}
		*e = Entry{
			Source: cell.Source, Department: s.Department, Period: s.Period, Indicator: ind,
			Measure: c.Measure, Entity: r.Name, Code: r.Code, Value: cell.Value, Raw: cell.Raw, AsText: cell.AsText,
		}
		switch {
		case inPlace:
		case fr.stage != nil:
			fr.stage.Add(e)
		default:
			l.detail(e)
		}
	}
	switch c.Measure {
	case MonthValue, LevelValue, YearValue:
		f := sr.fig(ci, ind)
		f.sum.add(cell.Value)
		f.has = true
	case YTDValue:
		f := sr.fig(ci, ind)
		f.ytd.add(cell.Value)
		f.hasYTD = true
	}
	if fr.cur == nil {
		return
	}
	switch c.Measure {
	case MonthValue:
		v := fr.cur.val(sr.indHash(ci, ind))
		v.month, v.hasMonth = cell.Value, true
		if !fr.cur.over && !l.jumpsOver {
			fr.jumps = append(fr.jumps, jumpVal{v.key, ind, cell.Value, cell.Source, "", r.Note})
		}
	case YTDValue:
		v := fr.cur.val(sr.indHash(ci, ind))
		fr.cur.setYTD(v, cell)
		for _, c := range r.Carried {
			if c.Col == ci {
				fr.cur.carried(v.key, c.Value)
			}
		}
	case LevelValue:
		if def := sr.def(ci, ind); def != nil && def.Aggregation == Latest {
			fr.levels = append(fr.levels, jumpVal{sr.th.xor(sr.eh).xor(sr.indHash(ci, ind)), ind, cell.Value, cell.Source, c.Header, r.Note})
		}
	}
}

// checkRow runs the cell checks of one row and reports whether the row can
// be consolidated. A row with any unreadable value cell is rejected whole.
// firstRow is the first row of a sheet with an entity: its line, and its
// name, to say whose credit code a later row repeats.
type firstRow struct {
	line int32
	name string
}

func (l *Ledger) checkRow(sr *SheetRead, r *Row) bool {
	fr, sh := sr.fr, &sr.sh
	s := &fr.s
	t := sh.Table
	at := func(src Source, rule Rule, sev Severity, raw string, fields Fields) {
		f := Finding{Source: src, Department: s.Department, Period: s.Period.String(),
			Rule: rule, Severity: sev, Raw: raw, Fields: fields}
		if sev == Warning {
			f.Explanation = r.Note
		}
		l.finding(f)
	}
	ok := l.checkRequired(sr, r)
	// The cell checks, said once per cause: a formula cell (本年累计 =
	// 2372.67+C4) whose value breaks a rule because a cell of the row it
	// refers to breaks the same rule is that cell's consequence, an info
	// naming it (follows_from), not a second error.
	var broke [3][]int // per rule of cellRules, the columns that broke it
	var later []cellFinding
	for ci := range sr.cols {
		cell := &r.Cells[ci]
		if cell.State != Number && cell.State != Invalid {
			continue
		}
		ind := sr.ind(ci, r)
		if ind == "" {
			continue
		}
		if cell.State == Invalid {
			ok = false
			continue
		}
		def := sr.def(ci, ind)
		found := func(k int, sev Severity, fields Fields) {
			broke[k] = append(broke[k], ci)
			if cell.Formula != "" {
				later = append(later, cellFinding{ci, k, sev, fields})
				return
			}
			at(cell.Source, cellRules[k], sev, cell.Raw, fields)
		}
		if -cell.Value.Exponent() > def.Precision && !cell.Value.HasPlaces(def.Precision) {
			found(0, Warning, Fields{"value": cell.Value.String(), "places": def.Precision})
		}
		if def.NonNegative && cell.Value.IsNegative() {
			found(1, Error, Fields{"value": cell.Value.String()})
			ok = false
		}
		if def.HasMin && cell.Value.CmpDecimal(def.Min) < 0 || def.HasMax && cell.Value.CmpDecimal(def.Max) > 0 {
			// An error like a negative figure: the row is rejected, not
			// summed (a figure in 元 typed into a 万元 column would
			// otherwise make the month's total 10,000 times its own).
			hint := Text{"", ""}
			if def.HasMax && cell.Value.CmpDecimal(def.Max) > 0 && def.Unit.Exp > 0 {
				base := def.Unit.Base
				hint = Text{"；是否按" + base + "填写了？本栏单位为" + def.Unit.Name, "; typed in " + base + "? the column's unit is " + def.Unit.Name}
			}
			found(2, Error, Fields{"value": cell.Value.String(), "range": rangeText(def), "hint": hint})
			ok = false
		}
	}
	for _, cf := range later {
		cell := &r.Cells[cf.ci]
		if cause := causeOf(cell.Formula, cf.ci, broke[cf.k], r); cause != "" {
			at(cell.Source, RuleFollows, Info, cell.Raw, Fields{"value": cell.Value.String(), "formula": "=" + strings.TrimPrefix(cell.Formula, "="),
				"cause": cause, "rule": cellRuleNames[cf.k]})
			continue
		}
		at(cell.Source, cellRules[cf.k], cf.sev, cell.Raw, cf.fields)
	}
	if sr.choices {
		for ci := range t.Columns {
			if c := &t.Columns[ci]; c.Role == RoleName && len(c.Choices) > 0 && !contains(c.Choices, r.Name) {
				at(r.Cells[ci].Source, RuleChoice, Error, r.Name, Fields{"value": r.Name})
			}
		}
	}
	if sr.codes {
		if problem, valid := CheckCreditCode(r.Code); !valid {
			fields := Fields{"code": quotedCode(r.Code)}
			if k := &sr.known; k.code != "" {
				// The code the row should have is known: say it, and not
				// the check character computed from a mistyped code;
				// template --from prefills it (known_code, known).
				problem = knownProblem(r.Code, problem, k)
				fields["known_code"], fields["known"] = k.code, k.said
			}
			fields["problem"] = problem
			at(r.CodeSource, RuleCreditCode, Error, r.Code, fields)
		}
	}
	if !sr.byLine {
		h := sr.eh // entityHash(entityOf(r)), made by Row
		if first, dup := sr.seen[h]; dup {
			if r.Code != "" && first.name != r.Name {
				// The same code under another name: say it is the code
				// that repeats, and whose it was.
				at(r.CodeSource, RuleDuplicateCode, Error, r.Code, Fields{"name": r.Name, "code": r.Code, "first_line": int(first.line), "first_name": first.name})
				return false
			}
			at(Source{s.File, sh.Name, fmt.Sprintf("A%d", r.Line)}, RuleDuplicateEntry, Error, r.Name, Fields{"name": r.Name, "first_line": int(first.line)})
			return false
		}
		sr.seen[h] = firstRow{int32(r.Line), r.Name}
	}
	l.checkMonthYTD(sr, r)
	if sr.rules {
		l.checkRowRules(s, sh, r)
	}
	l.checkCodeName(fr, r, &sr.known)
	if fr.cur != nil {
		fr.cur.note(t, sh.Name, r)
	}
	return ok
}

// checkRequired: every value cell of a data row must hold a figure. One
// left blank, or holding a mark for "no figure" (—, -, / or 无), is an
// error that rejects the row: an empty cell and a zero are different
// things, and the department must say which (0 when there is none). It
// reports whether the row has every figure; its blank cells become
// Invalid.
func (l *Ledger) checkRequired(sr *SheetRead, r *Row) bool {
	if r.Footer || sr.byLine && r.LineN < 0 {
		return true
	}
	fr := sr.fr
	ok := true
	for ci := range sr.cols {
		cell := &r.Cells[ci]
		if cell.State != Blank || sr.ind(ci, r) == "" {
			continue
		}
		ok = false
		cell.State = Invalid
		f := Finding{Source: cell.Source, Department: fr.s.Department, Period: fr.s.Period.String(), Rule: RuleRequired, Severity: Error, Raw: cell.Raw}
		if cell.Raw != "" {
			f.Rule, f.Fields = RuleNoFigure, Fields{"raw": cell.Raw}
		}
		l.finding(f)
	}
	return ok
}

// checkMonthYTD: 本年累计 ≥ 本月 when both are non-negative. A 本年累计 is
// compared with the last 本月 column of its indicator that holds a figure.
func (l *Ledger) checkMonthYTD(sr *SheetRead, r *Row) {
	s := &sr.fr.s
	for ci := range sr.cols {
		y := &r.Cells[ci]
		if sr.cols[ci].measure != YTDValue || y.State != Number {
			continue
		}
		var m *Cell
		if !sr.byLine {
			for _, cj := range sr.cols[ci].months {
				if r.Cells[cj].State == Number {
					m = &r.Cells[cj]
					break
				}
			}
		} else {
			ind := sr.ind(ci, r)
			for cj := len(sr.cols) - 1; cj >= 0; cj-- {
				if sr.cols[cj].measure == MonthValue && r.Cells[cj].State == Number && sr.ind(cj, r) == ind {
					m = &r.Cells[cj]
					break
				}
			}
		}
		if m == nil {
			continue
		}
		if !y.Value.IsNegative() && !m.Value.IsNegative() && y.Value.LessThan(m.Value) {
			l.finding(Finding{Source: y.Source, Department: s.Department, Period: s.Period.String(),
				Rule: RuleYTDBelowMonth, Severity: Error, Raw: y.Raw, Fields: Fields{"ytd": y.Value.String(), "month": m.Value.String()}})
		}
	}
}

// rangeText writes an indicator's bounds: [0, 1000000] 万元.
// A column that must not be negative (non_negative) starts at 0 when its
// min is lower or absent: the range said is the one the figure must keep.
func rangeText(def *Indicator) string {
	lo, hi := "-∞", "∞"
	switch {
	case def.HasMin && !(def.NonNegative && def.Min.IsNegative()):
		lo = def.Min.String()
	case def.NonNegative:
		lo = "0"
	}
	if def.HasMax {
		hi = def.Max.String()
	}
	return "[" + lo + ", " + hi + "] " + def.Unit.Name
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if NormalizeHeader(y) == NormalizeHeader(x) {
			return true
		}
	}
	return false
}

func hasRole(t *Table, role ColumnRole) bool {
	for _, c := range t.Columns {
		if c.Role == role {
			return true
		}
	}
	return false
}

// checkTotal compares the typed 合计 with the sum of the rows, column by
// column. When rows were rejected the sum is not known, and the comparison
// would only repeat their findings. A 合计 formula that leaves out data
// rows is said first, rejected rows or not (checkTotalRange); the
// difference those rows make is not said again as total_mismatch.
//
// The sheet's own 合计 formula (=SUM, as the template has it) skips figures
// typed as text, as Excel and Calc do: when it falls short of the rows by
// exactly those figures, each is reported once at its own cell, not as a
// wrong 合计 on a cell the department was told not to touch.
func (l *Ledger) checkTotal(fr *FileRead, sr *SheetRead) {
	s, sh := &fr.s, &sr.sh
	t := sh.Table
	if t.Rows == Indicators {
		return
	}
	if sh.Total == nil {
		if sr.rows > 0 {
			l.finding(Finding{Source: Source{File: s.File, Sheet: sh.Name}, Department: s.Department,
				Period: s.Period.String(), Rule: RuleNoTotal, Severity: Warning})
		}
		return
	}
	explained := l.checkTotalRange(fr, sr)
	if sr.rejected > 0 {
		l.checkTotalSkipsText(fr, sr, explained)
		return
	}
	for ci, c := range t.Columns {
		if c.Role != RoleValue {
			continue
		}
		cell := sh.Total.Cells[ci]
		sum := sr.sums[ci].value()
		if cell.State != Number || cell.Value.Equal(sum) || ci < len(explained) && explained[ci] {
			continue
		}
		if l.skipsText(fr, sr, ci, cell, sum) {
			continue
		}
		l.finding(Finding{Source: cell.Source, Department: s.Department, Period: s.Period.String(),
			Rule: RuleTotalMismatch, Severity: Error, Raw: cell.Raw,
			Fields: Fields{"total": cell.Value.String(), "sum": sum.String(), "diff": cell.Value.Decimal().Sub(sum.Decimal()).String()}})
	}
}

// checkTotalSkipsText is checkTotal's one comparison that holds when rows
// were rejected: the sheet's own SUM adds every number of its column, a
// rejected row's too, and skips the figures typed as text. A 合计 that
// equals that, short of the accepted figures typed as text, skips them:
// each is said at its cell (the department learns of it now, not after
// it has corrected the rejected rows and sent the file again).
func (l *Ledger) checkTotalSkipsText(fr *FileRead, sr *SheetRead, explained []bool) {
	for ci, c := range sr.sh.Table.Columns {
		if c.Role != RoleValue || ci < len(explained) && explained[ci] {
			continue
		}
		var all exactSum
		all.add(sr.sums[ci].value())
		all.add(sr.rejectedSums[ci].value())
		l.skipsText(fr, sr, ci, sr.sh.Total.Cells[ci], all.value())
	}
}

// skipsText says, at each cell, the figures typed as text of column ci
// that its 合计 formula left out, when the 合计 falls short of sum (what
// the column adds up to, text figures included) by exactly those; it
// reports whether it did.
func (l *Ledger) skipsText(fr *FileRead, sr *SheetRead, ci int, cell Cell, sum Num) bool {
	tf := &sr.texts[ci]
	if cell.State != Number || cell.Formula == "" || len(tf.cells)+tf.more == 0 || !addsUp(cell.Value, tf.sum.value(), sum) {
		return false
	}
	col := cellColumn(cell.Source.Cell)
	if fr.reader.hasTextRun(sr.sh.Name, col) {
		// Many: one finding for the column's text figures, its cells
		// each, exactly short by their sum (textruns.go).
		l.sumSkipsTextMany(fr, sr, ci, col, cell)
		return true
	}
	for i := range tf.cells {
		l.sumSkipsText(fr, &tf.cells[i], cell)
	}
	// The figures past the file's bound on findings: each one's
	// number_as_text came later still, so each would be past it.
	fr.own.dropped += tf.more
	return true
}

// sumSkipsTextMany says once, for all their cells, the text figures of a
// column that its 合计 formula left out, in place of their number_as_text
// notes; a figure whose text breaks a formula (text_breaks_formula, a
// finding of its own at its cell) says it there too.
func (l *Ledger) sumSkipsTextMany(fr *FileRead, sr *SheetRead, ci int, col string, total Cell) {
	tf := &sr.texts[ci]
	for i := range tf.cells {
		fr.alsoSkipped(&tf.cells[i], total)
	}
	cells := fr.reader.takeTextNotes(sr.sh.Name, col)
	// What the SUM skips: every text figure of the column, its rejected
	// rows' too (their notes are among the cells).
	var short exactSum
	short.add(tf.sum.value())
	short.add(sr.rejectedTexts[ci].value())
	s, span := &fr.s, spanOf(cells)
	l.finding(Finding{Source: Source{File: s.File, Sheet: sr.sh.Name, Cell: span}, Cells: cells, Department: s.Department,
		Period: s.Period.String(), Rule: RuleSumSkipsText, Severity: Warning,
		Fields: Fields{"value": Text{"这些格（" + span + "）的数字", "the figures of these cells (" + span + ")"}, "total_cell": total.Source.Cell + " " + total.Formula, "short": short.value().String()}})
}

// checkTotalRange: a 合计 whose formula is a plain SUM of its own column
// (=SUM(B5:B35); ParseSum) must reach every data row above it. A row
// inserted at the first data row, or right above the 合计, is outside the
// range Excel and Calc keep: tally reads and consolidates it, and the
// sheet's own total leaves it out. Said once per mistake, whether or not
// rows were rejected: one total_range_omits_rows at the first 合计 cell of
// the columns that leave out the same rows (an inserted row leaves it out
// of every column), naming the rows and the formula to type. Rows under
// the 合计 are below_total's.
//
// It reports, per column, whether the 合计's difference from the rows is
// exactly the figures of the rows left out: that total_mismatch is the
// same mistake, not a second finding.
func (l *Ledger) checkTotalRange(fr *FileRead, sr *SheetRead) []bool {
	sh := &sr.sh
	total := sh.Total
	type omits struct {
		cols []int
		sums []SumRange
		out  []RowSpan
	}
	var found []omits
	for ci := range sh.Table.Columns {
		cell := &total.Cells[ci]
		if sh.Table.Columns[ci].Role != RoleValue || cell.Formula == "" {
			continue
		}
		sum, ok := ParseSum(cell.Formula)
		if !ok || sum.Col != cellColumn(cell.Cell) {
			continue
		}
		if sr.linesOver {
			s := &fr.s
			l.finding(Finding{Source: cell.Source, Department: s.Department, Period: s.Period.String(), Rule: RuleNotChecked, Severity: Warning,
				Fields: Fields{"check": Text{"合计公式的求和范围是否包括全部数据行", "whether the 合计 formula covers every data row"}, "limit": maxKept}})
			return nil
		}
		out := sr.lines.outside(sr.throughSubtotals(sum), total.Line)
		if len(out) == 0 {
			continue
		}
		i := slices.IndexFunc(found, func(o omits) bool { return slices.Equal(o.out, out) })
		if i < 0 {
			i = len(found)
			found = append(found, omits{out: out})
		}
		found[i].cols = append(found[i].cols, ci)
		found[i].sums = append(found[i].sums, sum)
	}
	if len(found) == 0 {
		return nil
	}
	s := &fr.s
	explained := make([]bool, len(sh.Table.Columns))
	for _, o := range found {
		first := &total.Cells[o.cols[0]]
		fix := Text{fullSum(o.sums[0], o.out, total.Line).String(), ""}
		fix[1] = fix[0]
		var others Text
		var cells, fixes [2][]string // the other cells (the first few), in each language
		for k, ci := range o.cols {
			explained[ci] = omittedExplain(sr, ci, o.out)
			if k == 0 || k > maxOthers {
				continue
			}
			c, want := &total.Cells[ci], fullSum(o.sums[k], o.out, total.Line).String()
			cells[0], cells[1] = append(cells[0], c.Cell+" 的 "+c.Formula), append(cells[1], c.Cell+"'s "+c.Formula)
			fixes[0], fixes[1] = append(fixes[0], c.Cell+" 改为 "+want), append(fixes[1], c.Cell+" to "+want)
		}
		if len(o.cols) > 1 {
			var more, moreFix Text
			if n := len(o.cols) - 1 - len(cells[0]); n > 0 {
				more = Text{fmt.Sprintf(" 等 %d 格", len(o.cols)-1), fmt.Sprintf(" and %d more", n)}
				moreFix = Text{fmt.Sprintf("，其余 %d 格照此改为本列的求和", n), fmt.Sprintf(", the other %d likewise over their own columns", n)}
			}
			others = Text{"（及 " + strings.Join(cells[0], "、") + more[0] + "）", " (and " + strings.Join(cells[1], ", ") + more[1] + ")"}
			fix = Text{fix[0] + "（" + strings.Join(fixes[0], "，") + moreFix[0] + "）", fix[1] + " (" + strings.Join(fixes[1], ", ") + moreFix[1] + ")"}
		}
		l.finding(Finding{Source: first.Source, Department: s.Department, Period: s.Period.String(),
			Rule: RuleTotalRange, Severity: Error, Raw: first.Raw,
			Fields: Fields{"formula": first.Formula, "others": others, "rows": rowsText(o.out), "fix": fix}})
	}
	return explained
}

// maxOthers is how many more 合计 cells a total_range_omits_rows names
// beside its own.
const maxOthers = 2

// fullSum is the formula a SUM that leaves out the rows out should be:
// one range of its column, from its first row or the first row left out,
// whichever comes first, to its last or the last left out, whichever
// comes later, above the 合计's row (below).
func fullSum(sum SumRange, out []RowSpan, below int) SumRange {
	from, to := out[0].From, out[len(out)-1].To
	for _, s := range sum.Spans {
		from, to = min(from, s.From), max(to, min(s.To, below-1))
	}
	return SumRange{Col: sum.Col, Spans: []RowSpan{{from, to}}}
}

// omittedExplain reports whether the 合计 of column ci falls short of the
// rows' sum by exactly the figures of the rows out: false when they are
// not known (not kept), or a figure typed as text (which a SUM skips
// anyway) is among the column's.
func omittedExplain(sr *SheetRead, ci int, out []RowSpan) bool {
	cell := &sr.sh.Total.Cells[ci]
	tf := &sr.texts[ci]
	if sr.keptOver || cell.State != Number || len(tf.cells)+tf.more > 0 {
		return false
	}
	var left exactSum
	for _, k := range sr.kept {
		if int(k.ci) != ci {
			continue
		}
		line := int(k.line)
		if i := sort.Search(len(out), func(i int) bool { return out[i].To >= line }); i < len(out) && out[i].From <= line {
			left.add(k.v)
		}
	}
	return addsUp(cell.Value, left.value(), sr.sums[ci].value())
}

// rowsText names rows in a clerk's words: 第4行, 第4、36行, 第4至13行, and
// the first few of many with how many (第4、7、9行等 12 行).
func rowsText(out []RowSpan) Text {
	var zh, en []string
	n := 0
	for _, r := range out {
		n += r.To - r.From + 1
	}
	for _, r := range out[:min(len(out), 3)] {
		switch {
		case r.From == r.To:
			zh, en = append(zh, strconv.Itoa(r.From)), append(en, strconv.Itoa(r.From))
		case r.To == r.From+1:
			zh = append(zh, strconv.Itoa(r.From), strconv.Itoa(r.To))
			en = append(en, strconv.Itoa(r.From), strconv.Itoa(r.To))
		default:
			zh = append(zh, strconv.Itoa(r.From)+"至"+strconv.Itoa(r.To))
			en = append(en, strconv.Itoa(r.From)+"–"+strconv.Itoa(r.To))
		}
	}
	t := Text{"第" + strings.Join(zh, "、") + "行", "rows " + strings.Join(en, ", ")}
	if n == 1 {
		t[1] = "row " + en[0]
	}
	if len(out) > 3 {
		t = Text{t[0] + fmt.Sprintf("等 %d 行", n), t[1] + fmt.Sprintf(" and others, %d rows in all", n)}
	}
	return t
}

// sumSkipsText reports a figure typed as text that the sheet's 合计
// formula left out, in place of its number_as_text note.
func (l *Ledger) sumSkipsText(fr *FileRead, c *Cell, total Cell) {
	s := &fr.s
	f := Finding{Source: c.Source, Department: s.Department, Period: s.Period.String(), Rule: RuleSumSkipsText,
		Severity: Warning, Raw: c.Raw, Fields: Fields{"value": c.Value.String(), "total_cell": total.Source.Cell + " " + total.Formula, "short": c.Value.String()}}
	for _, list := range [][]Finding{fr.reader.list, fr.own.list} {
		for i := range list {
			if g := &list[i]; g.Rule == RuleTextNumber && g.Source == c.Source {
				*g = f
				return
			} else if g.Rule == RuleTextBreaksFormula && g.Source == c.Source {
				alsoSkips(g, f)
				return
			}
		}
	}
	l.finding(f)
}

// alsoSkipped adds to the text_breaks_formula finding at c's cell, if
// there is one, that the column's 合计 skips the figure too.
func (fr *FileRead) alsoSkipped(c *Cell, total Cell) {
	for _, list := range [][]Finding{fr.reader.list, fr.own.list} {
		for i := range list {
			if g := &list[i]; g.Rule == RuleTextBreaksFormula && g.Source == c.Source {
				alsoSkips(g, Finding{Fields: Fields{"total_cell": total.Source.Cell + " " + total.Formula, "short": c.Value.String()}})
				return
			}
		}
	}
}

// alsoSkips makes one finding at a cell say both of what its text does:
// it breaks a formula (g) and the 合计 skips it (f's fields).
func alsoSkips(g *Finding, f Finding) {
	g.Fields["also"] = Text{fmt.Sprintf("；本列的合计公式（%s）也按文本跳过了它，合计少了 %s", f.Fields["total_cell"], f.Fields["short"]),
		fmt.Sprintf("; the column's total formula (%s) skips it too, so that total is short by %s", f.Fields["total_cell"], f.Fields["short"])}
}

// checkMissing reports every expected department-period with no file.
func (l *Ledger) checkMissing() {
	for _, d := range l.spec.Departments {
		for _, p := range l.expected(&d) {
			key := d.Code + "|" + p.String()
			if l.received[key] {
				continue
			}
			l.markIncomplete(d.Code, p, l.missing(d.Code, p))
		}
	}
}

// reportRun says whether this run is the report's own: its as-of year is
// not after the year the report reviews (the spec's year). A later
// year's monthly run (2021 with the 2020 report's spec) owes no 年报 of
// the report's history years, and the report's figures on years before
// it are not its to verify (outOfRun).
func (l *Ledger) reportRun() bool { return l.spec.Year == 0 || l.asOf.Year <= l.spec.Year }

// outOfRun makes a claim of the report that a later year's run has no
// data for not applicable: listed once, not a finding of the run. A claim
// is the run's when the run read a file of any year it rests on (its span,
// and a change's base year): then it keeps its verdict, whatever it is
// (the 2020 files among a 2021 run's are checked as before).
func (l *Ledger) outOfRun(cr *ClaimResult) {
	c := cr.Claim
	if l.reportRun() || c.Span.To >= l.asOf.Year || c.Target {
		return
	}
	from := c.Span.From
	if b, ok := c.BaseYear(); ok && b > 0 && b < from {
		from = b
	}
	for key := range l.received {
		_, p, _ := strings.Cut(key, "|")
		if y, err := strconv.Atoi(p[:min(4, len(p))]); err == nil && y >= from && y <= c.Span.To {
			return
		}
	}
	y, run := strconv.Itoa(l.spec.Year), strconv.Itoa(l.asOf.Year)
	cr.Status, cr.Severity = NotApplicable, Info
	cr.HasComputed, cr.Computed, cr.Difference = false, decimal.Decimal{}, decimal.Decimal{}
	cr.Notes = []Text{{y + " 年报告中的数字，所依据的数据不在本次（" + run + " 年）汇总之中：不适用，不影响本次结果",
		"a figure of the " + y + " report whose data are not in this (" + run + ") run: not applicable, not a finding of the run"}}
}

// expected lists the periods a department owes in this run.
func (l *Ledger) expected(d *Department) []Period {
	var out []Period
	hasFreq := func(f Frequency) bool {
		for _, t := range d.Tables {
			if t.Frequency == f {
				return true
			}
		}
		return false
	}
	if hasFreq(Annual) && l.reportRun() {
		for _, y := range l.spec.History {
			out = append(out, Period{Year: y})
		}
	}
	if hasFreq(Monthly) {
		for m := 1; m <= l.asOf.Month; m++ {
			out = append(out, Period{l.asOf.Year, m})
		}
	}
	return out
}

// monthFigure is an indicator's consolidated figure for one month.
func (l *Ledger) monthFigure(ind string, p Period) Figure {
	if f, ok := l.figs[figKey{ind, p}]; ok {
		return *f
	}
	return Figure{}
}

// yearFigure is an indicator's figure for a whole year. For an indicator
// submitted monthly it comes from the months (flows add up; stocks take the
// last month), through the as-of month in the as-of year; otherwise from the
// annual tables. A month with no file from a department that submits the
// indicator makes it incomplete.
func (l *Ledger) yearFigure(ind string, year int) Figure {
	if _, ok := l.spec.Indicator(ind); !ok {
		return Figure{}
	}
	depts := l.monthlyDepts(ind)
	if len(depts) == 0 || (year != l.asOf.Year && !l.anyMonth(depts, year)) {
		return l.monthFigure(ind, Period{Year: year})
	}
	if a := l.monthFigure(ind, Period{Year: year}); year != l.asOf.Year && a.Has {
		// A past year's 年报 outranks its months: it is the year's
		// return, often revised after December's (compareAnnuals says
		// where they differ). A month of that year among the files
		// does not set it aside.
		return a
	}
	last := 12
	if year == l.asOf.Year {
		last = l.asOf.Month
	}
	f := l.ytdFigure(ind, year, last)
	if last < 12 {
		f.Incomplete = appendUnique(f.Incomplete, Text{"仅汇总至 " + l.asOf.String(), "consolidated only through " + l.asOf.String()})
	}
	if len(f.Incomplete) > 0 && year != l.asOf.Year {
		// A past year whose months are not all among the files, but
		// whose December is, from every department that submits the
		// indicator, in a table with a 本年累计 column for it: that
		// 本年累计 is the year's total (a stock's December level is
		// ytdFigure's already).
		if d, ok := l.decemberYTD(ind, year); ok {
			return d
		}
	}
	return f
}

// decemberYTD is a flow's year from the 本年累计 of year's December
// returns: every department that submits ind monthly has its December
// return among the files, and each of its monthly tables that carries ind
// has a 本年累计 column for it. Rows rejected in those returns, or a sheet
// not read, leave it incomplete as they leave December's month.
func (l *Ledger) decemberYTD(ind string, year int) (Figure, bool) {
	def, ok := l.spec.Indicator(ind)
	if !ok || def.Aggregation == Latest {
		return Figure{}, false
	}
	dec := Period{year, 12}
	y := l.ytds[figKey{ind, dec}]
	if y == nil || !y.Has {
		return Figure{}, false
	}
	for _, code := range l.monthlyDepts(ind) {
		d, _ := l.spec.Department(code)
		if _, ok := l.chosen[code+"|"+dec.String()]; !ok || d == nil || !ytdCarries(d, ind, dec) {
			return Figure{}, false
		}
	}
	m := l.monthFigure(ind, dec)
	return Figure{Value: y.Value, Has: true, Incomplete: m.Incomplete, Doubtful: m.Doubtful,
		From: Text{"取 " + dec.String() + " 月报的本年累计", "from " + dec.String() + "'s year-to-date (本年累计) column"}}, true
}

// ytdCarries reports whether each of d's tables for p that carries ind has
// a 本年累计 column for it.
func ytdCarries(d *Department, ind string, p Period) bool {
	found := false
	for _, t := range d.TablesFor(p) {
		carries, ytd := false, false
		for _, c := range t.Columns {
			if c.Role != RoleValue {
				continue
			}
			gives := c.Indicator == ind
			if t.Rows == Indicators {
				gives = false
				for i := range t.Lines {
					if t.IndicatorFor(c, &t.Lines[i]) == ind {
						gives = true
					}
				}
			}
			if gives {
				carries = true
				ytd = ytd || c.Measure == YTDValue
			}
		}
		if carries && !ytd {
			return false
		}
		found = found || carries
	}
	return found
}

// otherYearMonths says once per year other than the run's whose months
// are among the files but not all there (missing did not report them)
// which files those are and what they serve for.
func (l *Ledger) otherYearMonths() {
	years := make([]int, 0, len(l.otherYears))
	for y := range l.otherYears {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, y := range years {
		// In period and department order, not by the files' names: the
		// finding stands at the first, whatever the files are called.
		var ins []Input
		for _, in := range l.res.Inputs {
			p, err := ParsePeriod(in.Period)
			if err != nil || !p.IsMonth() || p.Year != y || in.Status == "duplicate" || in.File == "" {
				continue
			}
			ins = append(ins, in)
		}
		if len(ins) == 0 {
			continue
		}
		order := map[string]int{}
		for i, d := range l.spec.Departments {
			order[d.Code] = i
		}
		sort.SliceStable(ins, func(i, j int) bool {
			if ins[i].Period != ins[j].Period {
				return ins[i].Period < ins[j].Period
			}
			return order[ins[i].Department] < order[ins[j].Department]
		})
		files := make([]string, len(ins))
		dept := map[string]string{}
		for i, in := range ins {
			files[i], dept[in.File] = in.File, in.Department
		}
		// The others counted, not named: their names are the files'
		// own (the finding stands at the first); the list is in 输入文件.
		others := Text{"", ""}
		if n := len(files) - 1; n > 0 {
			word := "other files"
			if n == 1 {
				word = "other file"
			}
			others = Text{fmt.Sprintf("（同年的还有 %d 个文件）", n), fmt.Sprintf(" (and %d %s of that year)", n, word)}
		}
		l.finding(Finding{Source: Source{File: files[0]}, Department: dept[files[0]], Period: strconv.Itoa(y), Rule: RuleOtherYear, Severity: Info,
			Fields: Fields{"others": others, "year": strconv.Itoa(y), "run": strconv.Itoa(l.asOf.Year), "as_of": l.asOf.String()}})
	}
}

// ytdFigure is an indicator's figure from January to month last of year.
func (l *Ledger) ytdFigure(ind string, year, last int) Figure {
	def, _ := l.spec.Indicator(ind)
	first := 1
	if def.Aggregation == Latest {
		first = last // a level depends on its last month only
	}
	var f Figure
	depts := l.monthlyDepts(ind)
	if year != l.asOf.Year && !l.anyMonth(depts, year) {
		return f // a year without monthly files: no months to speak of
	}
	for m := first; m <= last; m++ {
		p := Period{year, m}
		for _, d := range depts {
			if !l.received[d+"|"+p.String()] {
				f.Incomplete = appendUnique(f.Incomplete, l.missing(d, p))
			}
		}
		f.add(l.monthFigure(ind, p))
	}
	return f
}

// missing reports a department-month with no file, once, so that every
// figure it leaves incomplete points at a finding; it returns the reason the
// figure gives.
func (l *Ledger) missing(dept string, p Period) Text {
	name := l.deptName(dept)
	if p.IsMonth() && p.Year != l.asOf.Year {
		// A month of another year than the run's (last year's, read for
		// 同比, 历年 and a target relative to it) is owed by no one in
		// this run: the figure says it is incomplete, and the run says
		// once which files of that year it holds, not 未报送 a month.
		if l.otherYears == nil {
			l.otherYears = map[int]bool{}
		}
		l.otherYears[p.Year] = true
	} else if key := dept + "|" + p.String(); !l.check && !l.reported[key] {
		l.reported[key] = true
		l.finding(Finding{Department: dept, Period: p.String(), Rule: RuleMissing, Severity: Error,
			Fields: Fields{"department": name, "period": p.String()}})
	}
	t := Text{"未报送：" + name + " " + p.String(), "missing: " + name + " " + p.String()}
	if l.missingOf == nil {
		l.missingOf = map[Text]missingNote{}
	}
	l.missingOf[t] = missingNote{name, p}
	return t
}

// missingNote is a department's period with no file, as a note names it.
type missingNote struct {
	dept string // its name
	p    Period
}

// spans names each department's missing periods among notes once, as runs
// (未报送：财政所 2020-01 至 2020-12), where the department's first one was;
// the other notes keep their places.
func (l *Ledger) spans(notes []Text) []Text {
	byDept := map[string][]Period{}
	for _, n := range notes {
		if m, ok := l.missingOf[n]; ok {
			byDept[m.dept] = appendUnique(byDept[m.dept], m.p)
		}
	}
	var out []Text
	for _, n := range notes {
		m, ok := l.missingOf[n]
		if !ok {
			out = append(out, n)
			continue
		}
		ps := byDept[m.dept]
		if ps == nil {
			continue // named already
		}
		delete(byDept, m.dept)
		if len(ps) == 1 {
			out = append(out, n)
			continue
		}
		out = append(out, missingSpans(m.dept, ps))
	}
	return out
}

// missingSpans is one note naming a department's missing periods, runs of
// consecutive months or years as "first 至 last".
func missingSpans(dept string, ps []Period) Text {
	sort.Slice(ps, func(i, j int) bool { return ps[i].Before(ps[j]) })
	next := func(a, b Period) bool {
		if a.IsMonth() != b.IsMonth() {
			return false
		}
		if a.IsMonth() {
			return b.Prev() == a
		}
		return b.Year == a.Year+1
	}
	var zh, en []string
	for i := 0; i < len(ps); {
		j := i
		for j+1 < len(ps) && next(ps[j], ps[j+1]) {
			j++
		}
		if j == i {
			zh, en = append(zh, ps[i].String()), append(en, ps[i].String())
		} else {
			zh, en = append(zh, ps[i].String()+" 至 "+ps[j].String()), append(en, ps[i].String()+" to "+ps[j].String())
		}
		i = j + 1
	}
	return Text{"未报送：" + dept + " " + strings.Join(zh, "、"), "missing: " + dept + " " + strings.Join(en, ", ")}
}

// monthlyDepts lists the departments that submit ind monthly.
func (l *Ledger) monthlyDepts(ind string) []string {
	var out []string
	for _, d := range l.spec.Departments {
		for _, x := range l.indicatorsOf(d.Code, Period{Year: l.asOf.Year, Month: 1}) {
			if x == ind {
				out = append(out, d.Code)
			}
		}
	}
	return out
}

// anyMonth reports whether any of depts submitted any month of year.
func (l *Ledger) anyMonth(depts []string, year int) bool {
	for _, d := range depts {
		for m := 1; m <= 12; m++ {
			if l.received[d+"|"+Period{year, m}.String()] {
				return true
			}
		}
	}
	return false
}

func (l *Ledger) deptName(code string) string {
	if d, ok := l.spec.Department(code); ok {
		return d.Name
	}
	return code
}

// years lists the years a run shows: the history years, the year before the
// as-of year (同比 and last year's claims need it) and the as-of year.
func (l *Ledger) years() []int {
	out := append([]int(nil), l.spec.History...)
	for _, y := range []int{l.asOf.Year - 1, l.asOf.Year} {
		if len(out) == 0 || out[len(out)-1] < y {
			out = append(out, y)
		}
	}
	return out
}

// Years lists the years the result's series carry, in order.
func (r *Result) Years() []int {
	seen := map[int]bool{}
	var out []int
	for _, s := range r.Series {
		for y := range s.Years {
			if !seen[y] {
				seen[y] = true
				out = append(out, y)
			}
		}
	}
	sort.Ints(out)
	return out
}

func (l *Ledger) buildSeries() {
	for i := range l.spec.Indicators {
		def := &l.spec.Indicators[i]
		s := Series{Indicator: def, Year: l.asOf.Year, Years: map[int]Figure{}}
		if len(l.monthlyDepts(def.Code)) > 0 {
			for m := 1; m <= l.asOf.Month; m++ {
				s.Months[m] = l.monthFigure(def.Code, Period{l.asOf.Year, m})
			}
			if def.Aggregation == Latest {
				s.YTD = s.Months[l.asOf.Month]
			} else {
				for m := 1; m <= l.asOf.Month; m++ {
					s.YTD.add(s.Months[m])
				}
			}
		}
		for _, y := range l.years() {
			s.Years[y] = l.yearFigure(def.Code, y)
		}
		s.Progress = l.progress(&s)
		// 汇总's and 历年's 说明 name a department's missing months once,
		// as runs (未报送：财政所 2021-01 至 2021-07), not a note a month.
		s.YTD.Incomplete = l.spans(s.YTD.Incomplete)
		if s.Progress != nil {
			s.Progress.Missing = l.spans(s.Progress.Missing)
			s.Progress.Base.Incomplete = l.spans(s.Progress.Base.Incomplete)
		}
		for y, f := range s.Years {
			f.Incomplete = l.spans(f.Incomplete)
			s.Years[y] = f
		}
		l.res.Series = append(l.res.Series, s)
	}
}

func (l *Ledger) summarise() {
	s := &l.res.Summary
	flagged := map[string]bool{}
	for _, f := range l.res.Findings {
		if f.Severity != Info {
			flagged[f.File] = true
		}
	}
	for i := range l.res.Inputs {
		if in := &l.res.Inputs[i]; in.Status == "ok" && flagged[in.File] {
			in.Status = "findings"
		}
	}
	folder := map[string]bool{}
	for _, f := range l.res.Findings {
		if f.Rule == RuleUnreadableFolder {
			folder[f.File] = true
		}
	}
	for _, in := range l.res.Inputs {
		if folder[in.File] {
			s.Folders++
			continue
		}
		if in.Status == "same_file" || in.Status == "not_submission" {
			continue // a second path to a file counted once; no submission
		}
		s.Files++
		// Only a file read can have had a save time: an unreadable one
		// (a damaged zip, a password) was not judged for want of being
		// read, which its own finding says.
		if l.undated[in.File] && in.Status != "skipped" && in.Status != "unreadable" {
			s.Undated++
		}
		switch in.Status {
		case "unreadable":
			s.Unreadable++
		case "skipped":
			s.Skipped++
		}
	}
	for _, f := range l.res.Findings {
		s.Findings++
		if f.Rule == RuleMissingSheet || f.Rule == RuleMissingColumn {
			s.SheetsUnread++
		}
		switch f.Severity {
		case Error:
			s.Errors++
		case Warning:
			s.Warnings++
		case Info:
			s.Infos++
		}
	}
	for i := range l.res.Series {
		if l.res.Series[i].YTD.ToVerify() {
			s.ToVerify++
		}
	}
	s.Claims = len(l.res.Claims)
	for _, c := range l.res.Claims {
		if c.ToVerify {
			s.ClaimsToVerify++
		}
		switch c.Status {
		case Consistent:
			s.Consistent++
		case Mismatch:
			s.Mismatch++
			if c.Severity == Warning {
				s.MismatchWarnings++
			}
		case NoData:
			s.NoData++
		case Incomplete:
			s.Incomplete++
		case Unmapped:
			s.Unmapped++
		case Goal:
			s.Goals++
		case NotApplicable:
			s.NotApplicable++
		}
	}
	if s.Cells != s.CellsConsolidated+s.CellsRejected+s.CellsChecked+s.CellsReported+s.CellsTemplate {
		panic(Bugf("%d cells read but %d consolidated + %d rejected + %d checked + %d reported + %d template", s.Cells,
			s.CellsConsolidated, s.CellsRejected, s.CellsChecked, s.CellsReported, s.CellsTemplate))
	}
	if s.Rows != s.RowsConsolidated+s.RowsRejected {
		// The invariant is the point of the count: a row that went nowhere
		// is a bug, and saying so beats printing a wrong total.
		panic(Bugf("%d rows read but %d consolidated + %d rejected", s.Rows, s.RowsConsolidated, s.RowsRejected))
	}
}

// Clean reports whether the run found nothing to act on: every claim
// consistent and no finding of severity error.
func (r *Result) Clean() bool {
	// A target of a later year is no verdict: it leaves nothing to act on.
	// Nor is a figure of an earlier year's report that this run has no
	// data for (NotApplicable).
	return r.Summary.Errors == 0 && r.Summary.Consistent+r.Summary.Goals+r.Summary.NotApplicable == r.Summary.Claims
}

func appendUnique[T comparable](xs []T, add ...T) []T {
	for _, a := range add {
		dup := false
		for _, x := range xs {
			if x == a {
				dup = true
				break
			}
		}
		if !dup {
			xs = append(xs, a)
		}
	}
	return xs
}

// cellRules are the cell checks of checkRow whose finding at a formula
// cell may be another cell's consequence; cellRuleNames say them in a
// follows_from finding.
var cellRules = [3]Rule{RulePrecision, RuleNegative, RuleRange}

var cellRuleNames = [3]Text{{"小数位数超限", "too many decimal places"}, {"为负数", "negative"}, {"超出允许范围", "out of range"}}

// cellFinding is a formula cell's finding held until the row's other
// cells are checked.
type cellFinding struct {
	ci, k  int
	sev    Severity
	fields Fields
}

// causeOf is the cell of row r (one of the columns cols, not ci itself)
// that formula refers to on its own sheet, or "".
func causeOf(formula string, ci int, cols []int, r *Row) string {
	f := strings.ToUpper(strings.ReplaceAll(formula, "$", ""))
	for _, cj := range cols {
		if cj == ci {
			continue
		}
		if ref := r.Cells[cj].Source.Cell; ref != "" && refersTo(f, ref) {
			return ref
		}
	}
	return ""
}

// refersTo reports whether formula f (upper case, no $) names the cell ref
// of its own sheet: ref as a whole token, not part of a longer name, a
// number or another sheet's reference (Sheet2!C4).
func refersTo(f, ref string) bool {
	for i := 0; ; {
		j := strings.Index(f[i:], ref)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(ref)
		before := j == 0 || !isRefChar(f[j-1]) && f[j-1] != '!' && f[j-1] != '.'
		after := end == len(f) || !isRefChar(f[end]) && f[end] != '('
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isRefChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}
