package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/store"
	"github.com/shopspring/decimal"
)

// asOf is the month an office page shows: ?asof=YYYY-MM, else the last
// month of the reporting year that has begun.
func (s *Server) asOf(r *http.Request) (reconcile.Period, bool) {
	if q := r.URL.Query().Get("asof"); q != "" {
		p, err := reconcile.ParsePeriod(q)
		if err != nil || !p.IsMonth() {
			return reconcile.Period{}, false
		}
		return p, true
	}
	now := s.cfg.Now().In(s.cfg.Location)
	switch {
	case now.Year() > s.cfg.Year:
		return reconcile.Period{Year: s.cfg.Year, Month: 12}, true
	case now.Year() < s.cfg.Year:
		return reconcile.Period{Year: s.cfg.Year, Month: 1}, true
	}
	return reconcile.Period{Year: s.cfg.Year, Month: int(now.Month())}, true
}

// countingFiles are the files that count, as the readers see them.
func (s *Server) countingFiles() ([]File, error) {
	cs, err := s.cfg.Store.Counting()
	if err != nil {
		return nil, err
	}
	files := make([]File, 0, len(cs))
	for _, c := range cs {
		path, err := s.cfg.Store.View(c)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: path, Name: readName(c.Dept, c.Period, c.Name),
			Received: s.day(c.Uploaded)})
	}
	return files, nil
}

// Result is tally reconcile --as-of over the files that count; it is kept
// until an upload or a pick changes what counts.
func (s *Server) Result(asOf reconcile.Period) (*reconcile.Result, error) {
	key := fmt.Sprintf("%d|%s", s.cfg.Store.Generation(), asOf)
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.cache[key]; ok {
		return r, nil
	}
	files, err := s.countingFiles()
	if err != nil {
		return nil, err
	}
	res, err := s.cfg.Engine.Reconcile(files, asOf)
	if err != nil {
		return nil, err
	}
	if len(s.cache) > 16 {
		clear(s.cache)
	}
	s.cache[key] = res
	return res, nil
}

// monthSpan names January to month m: 1–6月, Jan–Jun.
func (s *Server) monthSpan(m int) string {
	en := []string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	switch {
	case m < 1 || m > 12:
		return s.t("无完整月份", "no whole month")
	case m == 1:
		return s.t("1月", "Jan")
	}
	return s.t(fmt.Sprintf("1–%d月", m), "Jan–"+en[m])
}

// months lists the months an as-of selector offers.
func (s *Server) months() []string {
	var out []string
	for m := 1; m <= 12; m++ {
		out = append(out, reconcile.Period{Year: s.cfg.Year, Month: m}.String())
	}
	return out
}

type boardRow struct {
	Code, Name string
	Cells      []period
}

// resultPage is the shape of the office's pages over the run: the month
// from ?asof= (a 400 page when it is not YYYY-MM), tally reconcile --as-of
// over the files that count (a 500 page when it fails), then fill puts the
// page's rows into data (a 500 page when it fails), rendered as page under
// title. The office wrapper has authorized the user.
func (s *Server) resultPage(page string, title reconcile.Text, fill func(r *http.Request, asOf reconcile.Period, res *reconcile.Result, data map[string]any) error) func(http.ResponseWriter, *http.Request, *store.User) {
	return func(w http.ResponseWriter, r *http.Request, u *store.User) {
		asOf, ok := s.asOf(r)
		if !ok {
			s.badMonth(w, r)
			return
		}
		res, err := s.Result(asOf)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		data := map[string]any{"Title": title.In(s.cfg.Lang), "AsOf": asOf.String(), "Months": s.months()}
		if err := fill(r, asOf, res, data); err != nil {
			s.serverError(w, r, err)
			return
		}
		s.render(w, r, http.StatusOK, page, u, data)
	}
}

// badMonth answers a malformed ?asof=.
func (s *Server) badMonth(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusBadRequest, s.t("月份格式应为 YYYY-MM", "the month must be YYYY-MM"))
}

// boardRows is 报送情况: department × month, with the run's summary.
func (s *Server) boardRows(r *http.Request, asOf reconcile.Period, res *reconcile.Result, data map[string]any) error {
	counting, err := s.countingMap()
	if err != nil {
		return err
	}
	var rows []boardRow
	var cols []string
	for m := 1; m <= asOf.Month; m++ {
		// The workbook's month headings: 1月 (2020-01 in English).
		cols = append(cols, s.t(fmt.Sprintf("%d月", m), fmt.Sprintf("%d-%02d", asOf.Year, m)))
	}
	tally := map[string]int{}
	for _, d := range s.spec.Departments {
		if len(d.TablesFor(reconcile.Period{Year: asOf.Year, Month: 1})) == 0 {
			continue
		}
		row := boardRow{Code: d.Code, Name: d.Name}
		for m := 1; m <= asOf.Month; m++ {
			c := s.periodState(d.Code, reconcile.Period{Year: asOf.Year, Month: m}, counting)
			tally[c.State]++
			if c.Late && c.State != Late {
				tally[Late]++ // late with errors: counted in both, as 问题清单 lists both
			}
			row.Cells = append(row.Cells, c)
		}
		rows = append(rows, row)
	}
	data["Cols"], data["Rows"], data["Count"], data["Summary"] = cols, rows, tally, res.Summary
	return nil
}

type findingRow struct {
	reconcile.Finding
	Message, Advice string
}

// findingsRows is 问题清单: the run's findings, but for the informational.
func (s *Server) findingsRows(r *http.Request, asOf reconcile.Period, res *reconcile.Result, data map[string]any) error {
	// Everything the run found through the month (what the board counts),
	// or that month's own.
	all := r.URL.Query().Get("month") != "1"
	var rows []findingRow
	for _, f := range res.Findings {
		if f.Severity == reconcile.Info || (!all && f.Period != asOf.String()) {
			continue
		}
		rows = append(rows, findingRow{Finding: f, Message: f.Message(s.cfg.Lang), Advice: f.Advice(s.cfg.Lang)})
	}
	data["Rows"], data["All"] = rows, all
	return nil
}

type progressRow struct {
	Code, Name, Unit                      string
	Target, YTD, Completion, Elapsed, Gap string
	YoY                                   string
	// Through names the months YTD and Completion are of when they are not
	// all through the as-of month (1–6月); Partial is the year to date with
	// the incomplete months, shown apart, "" when none is in.
	Through, Partial string
	// ToVerify: whole, but a figure under 完成率 is to be verified
	// (待核实): why; "" otherwise.
	ToVerify                    string
	Lagging, Complete           bool
	BarDone, BarY, TickX, TickY int64
	// NotComputed: a target relative to a year whose data are not here or
	// not whole: why no target and no rate (Target is the target stated);
	// "" otherwise.
	NotComputed string
}

// progressRows is 目标进度: each target's completion against the time elapsed.
func (s *Server) progressRows(r *http.Request, asOf reconcile.Period, res *reconcile.Result, data map[string]any) error {
	// The chart: bars of 完成率 against a tick at 序时进度, 0–150% across
	// 300 pixels. Pixels are drawn from the exact percentages, truncated.
	px := func(pct decimal.Decimal) int64 {
		v := pct.Mul(decimal.NewFromInt(2)).IntPart()
		return max(0, min(v, 300))
	}
	var rows []progressRow
	for i := range res.Series {
		se := &res.Series[i]
		p := se.Progress
		if p == nil {
			continue
		}
		// 本年累计 is what 完成率 is of: through the last whole month.
		row := progressRow{Code: se.Indicator.Code, Name: se.Indicator.Name, Unit: se.Indicator.Unit.Name,
			Target: grouped(p.TargetVal), YTD: grouped(p.Measured.Value), Completion: p.Completion.StringFixed(2),
			Elapsed: p.Elapsed.StringFixed(2), Gap: p.Gap.StringFixed(2), Lagging: p.Lagging, Complete: len(p.YTD.Incomplete) == 0,
			BarDone: px(p.Completion), BarY: int64(len(rows))*28 + 4}
		row.TickX, row.TickY = 199+px(p.Elapsed), row.BarY-3
		if p.HasYoY {
			row.YoY = p.YoY.StringFixed(2) + "%"
		}
		if p.Uncomputed {
			// No target from a partial or absent base year: stated, and why.
			row.Target, row.Unit = p.Stated().In(s.cfg.Lang), ""
			row.NotComputed = p.Why().In(s.cfg.Lang)
			for _, m := range p.Base.Incomplete {
				row.NotComputed += "；" + m.In(s.cfg.Lang)
			}
			row.YTD, row.Completion, row.Elapsed, row.Gap, row.Complete = "—", "—", "—", "—", len(p.Base.Incomplete) == 0
			rows = append(rows, row)
			continue
		}
		if !p.Complete() {
			row.Through = s.monthSpan(p.Through)
			if p.YTD.Has && !(p.Judged() && p.YTD.Value.Equal(p.Measured.Value)) {
				row.Partial = fmt.Sprintf(s.t("含已报部分的%s：%s（不完整，未计入完成率）", "%s with what is in: %s (incomplete, not in the completion)"),
					s.monthSpan(p.AsOf), grouped(p.YTD.Value)+" "+row.Unit)
			}
		}
		if p.Complete() && p.Measured.ToVerify() {
			for _, d := range p.Measured.Doubtful {
				if row.ToVerify != "" {
					row.ToVerify += "；"
				}
				row.ToVerify += d.In(s.cfg.Lang)
			}
		}
		if !p.Judged() {
			row.YTD = "—"
		}
		rows = append(rows, row)
	}
	data["Rows"], data["ChartHeight"] = rows, len(rows)*28+12
	return nil
}

type claimRow struct {
	ID, Text, Interval, Computed, Difference, Unit, Status, StatusText, Notes string
	// Partial: Computed is what incomplete data give, not a value to compare.
	Partial bool
}

var claimWord = map[reconcile.ClaimStatus]reconcile.Text{
	reconcile.Consistent:    {"一致", "consistent"},
	reconcile.Mismatch:      {"不符", "mismatch"},
	reconcile.NoData:        {"无数据", "no data"},
	reconcile.Incomplete:    {"数据不完整", "incomplete"},
	reconcile.Unmapped:      {"未对应指标", "unmapped"},
	reconcile.Goal:          {"目标", "target"},
	reconcile.NotApplicable: {"不适用", "not applicable"},
}

// claimsRows is 报告核对: each claim of the work report against the data.
func (s *Server) claimsRows(r *http.Request, asOf reconcile.Period, res *reconcile.Result, data map[string]any) error {
	var rows []claimRow
	for i := range res.Claims {
		cr := &res.Claims[i]
		row := claimRow{ID: cr.Claim.ID, Text: res.Spec.Label(cr.Claim, s.cfg.Lang), Interval: cr.Interval.String(), Unit: cr.Claim.Unit.Name,
			Status: string(cr.Status), StatusText: claimWord[cr.Status].In(s.cfg.Lang)}
		if cr.ToVerify {
			// The verdict stands on a total to verify (待核实): said, and a
			// 一致 not in the green of a confirmed one.
			row.StatusText += reconcile.Text{"（待核实）", " (to verify)"}.In(s.cfg.Lang)
			if cr.Status == reconcile.Consistent {
				row.Status = "to_verify"
			}
		}
		switch {
		case cr.HasComputed && cr.Status == reconcile.Incomplete:
			// A partial sum is no value to hold against the report's:
			// marked partial, no difference, why in the notes.
			row.Computed = grouped(cr.Computed)
			row.Partial = true
			row.Notes = reconcile.Text{"计算值只含已有数据（部分值），不与报告数比较，不计差额", "the computed value holds the data there are only (partial): not compared with the report, no difference"}.In(s.cfg.Lang)
		case cr.HasComputed:
			row.Computed, row.Difference = grouped(cr.Computed), grouped(cr.Difference)
		}
		for _, n := range cr.Notes {
			if row.Notes != "" {
				row.Notes += "；"
			}
			row.Notes += n.In(s.cfg.Lang)
		}
		rows = append(rows, row)
	}
	data["Rows"], data["Summary"] = rows, res.Summary
	return nil
}

// consolidated sends the workbook tally reconcile --as-of writes over the
// files that count.
func (s *Server) consolidated(w http.ResponseWriter, r *http.Request, u *store.User) {
	asOf, ok := s.asOf(r)
	if !ok {
		s.badMonth(w, r)
		return
	}
	files, err := s.countingFiles()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := s.cfg.Engine.Workbook(files, asOf, &buf); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.cfg.Store.Audit(u, "consolidated", asOf.String())
	sendXLSX(w, "consolidated-"+asOf.String()+".xlsx", buf.Bytes())
}

// officeDept lists one department's uploads, each downloadable, and lets
// the office pick which one counts.
func (s *Server) officeDept(w http.ResponseWriter, r *http.Request, u *store.User) {
	code := r.PathValue("code")
	if _, ok := s.spec.Department(code); !ok {
		s.notFound(w, r)
		return
	}
	uploads, err := s.cfg.Store.UploadsOf(code)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	counting, err := s.countingMap()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "officedept", u, map[string]any{"Title": s.deptName(code), "Dept": code,
		"DeptName": s.deptName(code), "Uploads": uploads, "Periods": s.periodsOf(code, counting), "MaxMB": s.cfg.MaxUpload >> 20})
}

func (s *Server) pick(w http.ResponseWriter, r *http.Request, u *store.User) {
	id := r.PostFormValue("id")
	up, err := s.cfg.Store.Upload(id)
	if err != nil {
		s.notFound(w, r)
		return
	}
	if err := s.cfg.Store.Pick(u, up.ID); err != nil {
		if errors.Is(err, store.ErrAttachment) {
			s.errorPage(w, r, http.StatusBadRequest, s.t("附件（盖章扫描件）不是报表，不能作为本期有效版本", "an attachment (a stamped scan) is no return and cannot count"))
			return
		}
		s.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, "/office/dept/"+up.Dept, http.StatusSeeOther)
}

func (s *Server) usersPage(w http.ResponseWriter, r *http.Request, u *store.User) {
	s.renderUsers(w, r, u, http.StatusOK, "", "")
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, u *store.User, status int, msg, errMsg string) {
	users, err := s.cfg.Store.Users()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, status, "users", u, map[string]any{"Title": s.t("账户管理", "Accounts"), "Users": users,
		"Departments": s.spec.Departments, "Message": msg, "Error": errMsg})
}

// accountForm is the shape of the account forms: act on the posted form,
// then show the accounts page with what was done (200) or with why it was
// refused (400).
func (s *Server) accountForm(act func(r *http.Request, u *store.User) (done, refused string)) func(http.ResponseWriter, *http.Request, *store.User) {
	return func(w http.ResponseWriter, r *http.Request, u *store.User) {
		done, refused := act(r, u)
		if refused != "" {
			s.renderUsers(w, r, u, http.StatusBadRequest, "", refused)
			return
		}
		s.renderUsers(w, r, u, http.StatusOK, done, "")
	}
}

func (s *Server) addUser(r *http.Request, u *store.User) (done, refused string) {
	name, role, dept := r.PostFormValue("name"), r.PostFormValue("role"), r.PostFormValue("dept")
	if role == store.Dept {
		if _, ok := s.spec.Department(dept); !ok {
			return "", s.t("请选择单位", "choose a department")
		}
	}
	pw := store.RandomPassword()
	if _, err := s.cfg.Store.AddUser(u, name, role, dept, pw); err != nil {
		if errors.Is(err, store.ErrExists) {
			return "", s.t("用户名已存在", "that user name exists")
		}
		return "", err.Error()
	}
	return fmt.Sprintf(s.t("已创建账户 %s，初始密码（只显示这一次）：%s", "created %s; its password (shown this once): %s"), name, pw), ""
}

func (s *Server) resetUser(r *http.Request, u *store.User) (done, refused string) {
	name := r.PostFormValue("name")
	pw := store.RandomPassword()
	if err := s.cfg.Store.SetPassword(u, name, pw); err != nil {
		return "", err.Error()
	}
	return fmt.Sprintf(s.t("已重置 %s 的密码（只显示这一次）：%s", "reset %s's password (shown this once): %s"), name, pw), ""
}

func (s *Server) disableUser(r *http.Request, u *store.User) (done, refused string) {
	name := r.PostFormValue("name")
	if name == u.Name {
		return "", s.t("不能停用自己的账户", "you cannot disable your own account")
	}
	if err := s.cfg.Store.Disable(u, name); err != nil {
		return "", err.Error()
	}
	return fmt.Sprintf(s.t("已停用 %s", "disabled %s"), name), ""
}

func (s *Server) auditPage(w http.ResponseWriter, r *http.Request, u *store.User) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	if n <= 0 || n > 5000 {
		n = 200
	}
	log, err := s.cfg.Store.AuditLog(n)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "audit", u, map[string]any{"Title": s.t("操作记录", "Audit log"), "Log": log})
}
