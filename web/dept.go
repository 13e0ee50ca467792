package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/store"
	"github.com/jingwu/tally/workbook"
)

// Board states of a department-month.
const (
	OnTime  = "ontime"
	Late    = "late"
	Missing = "missing"
	Errors  = "errors"
)

// period is a reporting period open to a department, with where it stands.
type period struct {
	Period   reconcile.Period
	Deadline time.Time // zero: none
	State    string
	Counting *store.Upload
	// Late: the file that counts was uploaded after the deadline, whatever
	// its State (a late file with errors is Errors and Late).
	Late bool
}

func (p period) Key() string { return p.Period.String() }

// HasDeadline says whether the period has a deadline.
func (p period) HasDeadline() bool { return !p.Deadline.IsZero() }

// DeadlineDay is the last day to submit.
func (p period) DeadlineDay() string { return p.Deadline.Add(-time.Second).Format("2006-01-02") }

// deadline is the moment after which a month's upload is late: the end of
// the spec's deadline day of the following month, in the office's time
// zone. Lateness is judged by when the file was uploaded, not by the date
// the file itself records.
func (s *Server) deadline(p reconcile.Period) time.Time {
	if s.spec.Deadline == 0 || !p.IsMonth() {
		return time.Time{}
	}
	return time.Date(p.Year, time.Month(p.Month)+1, s.spec.Deadline+1, 0, 0, 0, 0, s.cfg.Location)
}

// day is the office's calendar day of t, the day a file uploaded at t was
// received: what lateness is judged by (deadline).
func (s *Server) day(t time.Time) string { return t.In(s.cfg.Location).Format("2006-01-02") }

// state is a department-month's place on the board.
func (s *Server) state(p reconcile.Period, c *store.Upload) string {
	switch {
	case c == nil:
		return Missing
	case c.Status == "unreadable" || c.Errors > 0:
		return Errors
	}
	if d := s.deadline(p); !d.IsZero() && !c.Uploaded.Before(d) {
		return Late
	}
	return OnTime
}

// periodsOf lists the periods dept reports for: the months of the
// reporting year up to now and, for annual tables, the year, the year
// before and, in the report's own year, the spec's history years (what the
// report's five-year figures rest on).
func (s *Server) periodsOf(dept string, counting map[string]*store.Upload) []period {
	d, ok := s.spec.Department(dept)
	if !ok {
		return nil
	}
	now := s.cfg.Now().In(s.cfg.Location)
	var out []period
	y := s.cfg.Year
	if len(d.TablesFor(reconcile.Period{Year: y, Month: 1})) > 0 {
		for m := 1; m <= 12; m++ {
			p := reconcile.Period{Year: y, Month: m}
			if time.Date(y, time.Month(m), 1, 0, 0, 0, 0, s.cfg.Location).After(now) {
				break
			}
			out = append(out, s.periodState(dept, p, counting))
		}
	}
	if len(d.TablesFor(reconcile.Period{Year: y})) > 0 {
		years := map[int]bool{y: true, y - 1: true}
		// The report's history years are owed in the report's own year
		// only: a later year's desk asks for that year's 年报 and the one
		// before (同比), as tally reconcile --as-of of that year expects.
		if s.spec.Year == 0 || y <= s.spec.Year {
			for _, h := range s.spec.History {
				years[h] = true
			}
		}
		for yy := y; yy >= y-30; yy-- {
			if years[yy] {
				out = append(out, s.periodState(dept, reconcile.Period{Year: yy}, counting))
			}
		}
	}
	return out
}

func (s *Server) periodState(dept string, p reconcile.Period, counting map[string]*store.Upload) period {
	c := counting[dept+"|"+p.String()]
	d := s.deadline(p)
	return period{Period: p, Deadline: d, State: s.state(p, c), Counting: c,
		Late: c != nil && !d.IsZero() && !c.Uploaded.Before(d)}
}

func (s *Server) countingMap() (map[string]*store.Upload, error) {
	cs, err := s.cfg.Store.Counting()
	if err != nil {
		return nil, err
	}
	m := map[string]*store.Upload{}
	for _, c := range cs {
		m[c.Dept+"|"+c.Period] = c
	}
	return m, nil
}

// openPeriod returns dept's period named by text, if it is one of dept's.
func (s *Server) openPeriod(dept, text string) (reconcile.Period, bool) {
	for _, p := range s.periodsOf(dept, nil) {
		if p.Period.String() == text {
			return p.Period, true
		}
	}
	return reconcile.Period{}, false
}

// deptOf is the department a request acts for: a department's own, never
// another's; the office names one.
func (s *Server) deptOf(u *store.User, asked string) (string, bool) {
	if !u.IsOffice() {
		return u.Dept, asked == "" || asked == u.Dept
	}
	_, ok := s.spec.Department(asked)
	return asked, ok
}

func (s *Server) deptName(code string) string {
	if d, ok := s.spec.Department(code); ok {
		return d.Name
	}
	return code
}

func (s *Server) deptHome(w http.ResponseWriter, r *http.Request, u *store.User) {
	if u.IsOffice() {
		http.Redirect(w, r, "/office", http.StatusSeeOther)
		return
	}
	counting, err := s.countingMap()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	uploads, err := s.cfg.Store.UploadsOf(u.Dept)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	periods := s.periodsOf(u.Dept, counting)
	// The period to work on: the first one not yet accepted.
	current := ""
	for _, p := range periods {
		if p.Period.IsMonth() && (p.State == Missing || p.State == Errors) {
			current = p.Key()
			break
		}
	}
	if current == "" && len(periods) > 0 {
		current = periods[0].Key()
		for _, p := range periods {
			if p.Period.IsMonth() {
				current = p.Key()
			}
		}
	}
	s.render(w, r, http.StatusOK, "dept", u, map[string]any{
		"Title": s.deptName(u.Dept), "DeptName": s.deptName(u.Dept), "Dept": u.Dept,
		"Periods": periods, "Current": current, "Uploads": uploads, "MaxMB": s.cfg.MaxUpload >> 20,
	})
}

// template sends a department's template for a period, prefilled from the
// file that counts for the period before (tally template --from).
func (s *Server) template(w http.ResponseWriter, r *http.Request, u *store.User) {
	dept, ok := s.deptOf(u, r.URL.Query().Get("dept"))
	if !ok {
		s.notFound(w, r)
		return
	}
	p, ok := s.openPeriod(dept, r.URL.Query().Get("period"))
	if !ok {
		s.errorPage(w, r, http.StatusBadRequest, s.t("不是本单位可报送的报送期", "not a period this department reports for"))
		return
	}
	var from *File
	if c := s.lastAccepted(dept, p.Prev()); c != nil {
		if path, err := s.cfg.Store.View(c); err == nil {
			from = &File{Path: path, Name: readName(c.Dept, c.Period, c.Name)}
		}
	}
	var buf bytes.Buffer
	if err := s.cfg.Engine.Template(dept, p, from, &buf); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.cfg.Store.Audit(u, "template", dept+" "+p.String())
	sendXLSX(w, store.CanonicalName(dept, p.String()), buf.Bytes())
}

// lastAccepted is the file a template for the period after p is prefilled
// from: the one that counts for p when it was accepted, else the latest
// accepted upload for p, else the one that counts if it can be read at all.
func (s *Server) lastAccepted(dept string, p reconcile.Period) *store.Upload {
	uploads, err := s.cfg.Store.UploadsOf(dept)
	if err != nil {
		return nil
	}
	accepted := func(u *store.Upload) bool {
		return u.Status != "unreadable" && u.Status != store.Attachment && u.Errors == 0
	}
	var latest, counting *store.Upload
	for _, u := range uploads { // newest first
		if u.Period != p.String() {
			continue
		}
		if u.Counts {
			counting = u
		}
		if latest == nil && accepted(u) {
			latest = u
		}
	}
	switch {
	case counting != nil && accepted(counting):
		return counting
	case latest != nil:
		return latest
	case counting != nil && counting.Status != "unreadable" && counting.Status != store.Attachment:
		return counting
	}
	return nil
}

func sendXLSX(w http.ResponseWriter, name string, data []byte) {
	sendFile(w, name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data)
}

// odsType is an OpenDocument spreadsheet's media type.
const odsType = "application/vnd.oasis.opendocument.spreadsheet"

// isODSName says whether a department's file was sent as an OpenDocument
// spreadsheet (.ods), which tally reads as it reads .xlsx.
func isODSName(name string) bool { return strings.HasSuffix(strings.ToLower(name), ".ods") }

// readName is the name tally reads a department-month's upload under: the
// canonical name, with .ods for a file sent as .ods (so the reader does not
// take the desk's own naming for a wrong extension).
func readName(dept, period, sent string) string {
	if isODSName(sent) {
		return strings.TrimSuffix(store.CanonicalName(dept, period), ".xlsx") + ".ods"
	}
	return store.CanonicalName(dept, period)
}

func sendFile(w http.ResponseWriter, name, typ string, data []byte) {
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.Write(data)
}

// reportRow is one finding as the result page shows it, in both languages.
type reportRow struct {
	Sheet, Cell, Severity, Rule, Raw, Explanation string
	Message, Advice                               [2]string
}

func (s *Server) tr(t [2]string) string { return reconcile.Text(t).In(s.cfg.Lang) }

// displayName keeps a client's file name for showing only: no path, no
// control characters, at most 120 characters.
func displayName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 120 {
		name = string(r[:120])
	}
	return name
}

func readSmall(p *multipart.Part) string {
	b, _ := io.ReadAll(io.LimitReader(p, 64))
	return strings.TrimSpace(string(b))
}

// upload takes a department's file: stored unchanged under its SHA-256,
// checked by tally check's own functions, recorded, and the result shown.
func (s *Server) upload(w http.ResponseWriter, r *http.Request, u *store.User) {
	limit := s.cfg.MaxUpload
	tooLarge := func() {
		s.errorPage(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf(s.t("文件超过 %d MB 的上限，未保存。月报文件通常不到 1 MB：请检查是否上传了错误的文件",
			"the file is larger than the %d MB limit and was not kept; a monthly file is usually under 1 MB: check it is the right file"), limit>>20))
	}
	if r.ContentLength > limit+64<<10 {
		tooLarge()
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit+64<<10)
	mr, err := r.MultipartReader()
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, s.t("请选择要上传的文件", "choose a file to upload"))
		return
	}
	var askedPeriod, askedDept, name string
	var st *store.Staged
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			tooLarge()
			return
		}
		if err != nil {
			s.errorPage(w, r, http.StatusBadRequest, s.t("上传中断或格式不对，请重新上传", "the upload was cut off or malformed: try again"))
			return
		}
		switch part.FormName() {
		case "period":
			askedPeriod = readSmall(part)
		case "dept":
			askedDept = readSmall(part)
		case "file":
			if st != nil {
				s.errorPage(w, r, http.StatusBadRequest, s.t("一次只上传一个文件", "upload one file at a time"))
				return
			}
			// A browser sends the fields first: refuse before keeping
			// anything when they are not this user's to send.
			if askedPeriod != "" && !s.allowed(w, r, u, askedDept, askedPeriod) {
				return
			}
			name = displayName(part.FileName())
			st, err = s.cfg.Store.Stage(part, limit)
			if errors.Is(err, store.ErrTooLarge) || errors.As(err, &mbe) {
				tooLarge()
				return
			}
			if err != nil {
				s.serverError(w, r, err)
				return
			}
		}
		part.Close()
	}
	if !s.allowed(w, r, u, askedDept, askedPeriod) {
		return
	}
	dept, _ := s.deptOf(u, askedDept)
	p, _ := s.openPeriod(dept, askedPeriod)
	if st == nil || (st.Size == 0 && name == "") {
		s.errorPage(w, r, http.StatusBadRequest, s.t("请选择要上传的文件", "choose a file to upload"))
		return
	}
	// A file that is no workbook never counts for the month nor displaces
	// the return that does: a stamped scan (盖章扫描件: a PDF, a picture)
	// is kept beside it as an attachment, as tally check lists it as a
	// companion file; anything else (a .yaml, a .docx, a text file) is
	// refused and not kept, saying what it is.
	switch kind, what := s.notWorkbook(st, name); kind {
	case scanFile:
		if err := s.cfg.Store.Link(st, dept, p.String()); err != nil {
			s.serverError(w, r, err)
			return
		}
		up, err := s.cfg.Store.RecordAttachment(u, st, name)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		http.Redirect(w, r, "/uploads/"+up.ID, http.StatusSeeOther)
		return
	case otherFile:
		s.cfg.Store.Audit(u, "upload.refused", fmt.Sprintf("%s %s sha256=%s: %s", dept, p, st.SHA256, what[1]))
		s.errorPage(w, r, http.StatusUnprocessableEntity, s.t(
			"“"+name+"”"+what[0]+"，不是报表工作簿，文件未保存，不计入本期：请上传填好的 .xlsx 报表（从本页下载模板填写）",
			"\""+name+"\" is "+what[1]+", not a workbook; the file was not kept and does not count: upload the filled-in .xlsx return (download the template on this page)"))
		return
	}
	if err := s.cfg.Store.Link(st, dept, p.String()); err != nil {
		s.serverError(w, r, err)
		return
	}
	// Lateness is judged by the upload's day, as the board and its run
	// judge it (late_upload), never by the date the file records: the
	// page says it once, as a finding of the upload.
	file := File{Path: st.Path, Name: readName(dept, p.String(), name), Received: s.day(s.cfg.Now())}
	out, err := s.cfg.Engine.Check(file, s.prevFile(dept, p))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	// A file made from another period's or department's template is not
	// this month's return, whatever was picked: it is not kept, so it
	// never counts for the month picked, and the page says why.
	if why, ok := s.otherTemplate(out, dept, p); ok {
		s.cfg.Store.Audit(u, "upload.refused", fmt.Sprintf("%s %s sha256=%s: %s", dept, p, st.SHA256, why[1]))
		s.errorPage(w, r, http.StatusUnprocessableEntity, s.t(why[0], why[1]))
		return
	}
	// An unreadable file has no template to say whose it is; its name is
	// the one thing known of it. A name that says another department or
	// month than picked is refused the same way, not filed under the
	// month picked as its unreadable return.
	if why, ok := s.otherName(out, name, dept, p); ok {
		s.cfg.Store.Audit(u, "upload.refused", fmt.Sprintf("%s %s sha256=%s: %s", dept, p, st.SHA256, why[1]))
		s.errorPage(w, r, http.StatusUnprocessableEntity, s.t(why[0], why[1]))
		return
	}
	res, err := s.result(out)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	up, err := s.cfg.Store.Record(u, st, name, res)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, "/uploads/"+up.ID, http.StatusSeeOther)
}

// allowed says whether u may upload for the department and period asked,
// and shows the page that says why not when it may not.
func (s *Server) allowed(w http.ResponseWriter, r *http.Request, u *store.User, askedDept, askedPeriod string) bool {
	dept, ok := s.deptOf(u, askedDept)
	if !ok {
		s.errorPage(w, r, http.StatusForbidden, s.t("只能为本单位报送", "you can upload only for your own department"))
		return false
	}
	if _, ok := s.openPeriod(dept, askedPeriod); !ok {
		s.errorPage(w, r, http.StatusBadRequest, s.t("请选择本单位的报送期", "choose one of your department's periods"))
		return false
	}
	return true
}

// prevFile is the file that counts for the month before p, for the
// month-to-month chain.
func (s *Server) prevFile(dept string, p reconcile.Period) *File {
	if !p.IsMonth() || p.Month == 1 {
		return nil
	}
	counting, err := s.countingMap()
	if err != nil {
		return nil
	}
	c := counting[dept+"|"+p.Prev().String()]
	if c == nil || c.Status == "unreadable" {
		return nil
	}
	path, err := s.cfg.Store.View(c)
	if err != nil {
		return nil
	}
	return &File{Path: path, Name: readName(c.Dept, c.Period, c.Name)}
}

// check runs tally check on a file and records its findings in both
// languages.
// otherTemplate says, in both languages, why a file made from another
// department's or period's template than the one picked on the form cannot
// be this return; ok is false when its template is the one picked (or it
// has none to say).
func (s *Server) otherTemplate(out CheckOutcome, dept string, p reconcile.Period) (why [2]string, ok bool) {
	for _, fd := range out.Findings {
		if fd.Rule != reconcile.RuleWrongTemplate {
			continue
		}
		tdept, _ := fd.Fields["template_department"].(string)
		tperiod, _ := fd.Fields["template_period"].(string)
		if tdept == "" || tperiod == "" {
			continue
		}
		if tdept != dept {
			return [2]string{
				fmt.Sprintf("所选单位 %s 与文件（%s %s 的模板）不符，文件未保存：请上传本单位的报表", s.deptName(dept), s.deptName(tdept), tperiod),
				fmt.Sprintf("the department picked, %s, is not the file's (a template of %s for %s); the file was not kept: upload your own department's return", s.deptName(dept), s.deptName(tdept), tperiod),
			}, true
		}
		return [2]string{
			fmt.Sprintf("所选报告期 %s 与文件（%s 的模板）不符，文件未保存：若这是 %s 的报表，请选择报告期 %s 后重新上传；要报送 %s，请下载 %s 的模板填写", p, tperiod, tperiod, tperiod, p, p),
			fmt.Sprintf("the period picked, %s, is not the file's (a template for %s); the file was not kept: if it is the return for %s, pick %s and upload it again; for %s, download and fill in the template for %s", p, tperiod, tperiod, tperiod, p, p),
		}, true
	}
	return why, false
}

// otherName says, in both languages, why an unreadable upload whose name
// (<period>-<dept>.ext, as tally reads names) gives another known
// department or another period than the one picked is not kept; ok is
// false for a readable file (its template decides: otherTemplate) or a
// name that says nothing or agrees.
func (s *Server) otherName(out CheckOutcome, name string, dept string, p reconcile.Period) (why [2]string, ok bool) {
	if out.Status != "unreadable" {
		return why, false
	}
	np, ndept, named := workbook.NameIdentity(name)
	if !named {
		return why, false
	}
	if _, known := s.spec.Department(ndept); !known {
		return why, false
	}
	if ndept == dept && np == p {
		return why, false
	}
	reason := reconcile.Text{"", ""}
	for _, fd := range out.Findings {
		if fd.Rule == reconcile.RuleUnreadable || fd.Rule == reconcile.RuleUnknownFile {
			reason = reconcile.Text{fd.Message(reconcile.Chinese), fd.Message(reconcile.English)}
			break
		}
	}
	if ndept != dept {
		return [2]string{
			fmt.Sprintf("所选单位 %s 与文件名（%s：%s %s）不符，文件未保存：请上传本单位的报表。另：%s", s.deptName(dept), name, s.deptName(ndept), np, reason[0]),
			fmt.Sprintf("the department picked, %s, is not the one the file's name gives (%s: %s %s); the file was not kept: upload your own department's return. Also: %s", s.deptName(dept), name, s.deptName(ndept), np, reason[1]),
		}, true
	}
	return [2]string{
		fmt.Sprintf("所选报告期 %s 与文件名（%s：%s）不符，文件未保存：若这是 %s 的报表，请选择报告期 %s 后重新上传。另：%s", p, name, np, np, np, reason[0]),
		fmt.Sprintf("the period picked, %s, is not the one the file's name gives (%s: %s); the file was not kept: if it is the return for %s, pick %s and upload it again. Also: %s", p, name, np, np, np, reason[1]),
	}, true
}

// result turns what tally check says of an upload into what the store
// keeps of it.
func (s *Server) result(out CheckOutcome) (store.CheckResult, error) {
	res := store.CheckResult{Status: out.Status}
	rows := []reportRow{}
	for _, fd := range out.Findings {
		rows = append(rows, reportRow{Sheet: fd.Sheet, Cell: fd.Cell, Severity: string(fd.Severity), Rule: string(fd.Rule),
			Raw: fd.Raw, Explanation: fd.Explanation,
			Message: [2]string{fd.Message(reconcile.Chinese), fd.Message(reconcile.English)},
			Advice:  [2]string{fd.Advice(reconcile.Chinese), fd.Advice(reconcile.English)}})
		res.Findings++
		switch fd.Severity {
		case reconcile.Error:
			res.Errors++
		case reconcile.Warning:
			res.Warnings++
		}
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return res, err
	}
	res.Report = string(b)
	return res, nil
}

// CheckOutcome is what tally check says of one file.
type CheckOutcome struct {
	Status   string // ok, findings, unreadable
	Findings []reconcile.Finding
}

// visible returns the upload named in the URL when u may see it; a
// department asking for another's gets the same answer as for none.
func (s *Server) visible(r *http.Request, u *store.User) (*store.Upload, bool) {
	up, err := s.cfg.Store.Upload(r.PathValue("id"))
	if err != nil || (!u.IsOffice() && up.Dept != u.Dept) {
		return nil, false
	}
	return up, true
}

func (s *Server) uploadPage(w http.ResponseWriter, r *http.Request, u *store.User) {
	up, ok := s.visible(r, u)
	if !ok {
		s.notFound(w, r)
		return
	}
	var rows []reportRow
	json.Unmarshal([]byte(up.Report), &rows)
	// A sheet whose own 合计 formula skipped a text figure is accepted (the
	// figure is read) but not 审核通过: the file's total is short until the
	// cell is a number, and the headline says so.
	short := 0
	for _, row := range rows {
		if row.Rule == string(reconcile.RuleSumSkipsText) || row.Rule == string(reconcile.RuleTextBreaksFormula) {
			short++
		}
	}
	// An attachment says which return counts beside it, if one does.
	countingName := ""
	if up.Status == store.Attachment {
		if counting, err := s.countingMap(); err == nil {
			if c := counting[up.Dept+"|"+up.Period]; c != nil {
				countingName = c.Name
			}
		}
	}
	s.render(w, r, http.StatusOK, "upload", u, map[string]any{
		"Title": s.t("审核结果", "Check result"), "Upload": up, "Rows": rows, "DeptName": s.deptName(up.Dept),
		"Accepted": up.Status != "unreadable" && up.Status != store.Attachment && up.Errors == 0, "SumShort": short,
		"CountingName": countingName,
	})
}

func (s *Server) uploadFile(w http.ResponseWriter, r *http.Request, u *store.User) {
	up, ok := s.visible(r, u)
	if !ok {
		s.notFound(w, r)
		return
	}
	path, err := s.cfg.Store.BlobPath(up.SHA256)
	if err != nil {
		s.notFound(w, r)
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.cfg.Store.Audit(u, "download", up.ID)
	if up.Status == store.Attachment { // as it was sent: a scan, under its own kind
		ext := strings.ToLower(filepath.Ext(up.Name))
		sendFile(w, up.Period+"-"+up.Dept+"-attachment"+ext, http.DetectContentType(data), data)
		return
	}
	if isODSName(up.Name) { // as it was sent: LibreOffice's own format
		sendFile(w, readName(up.Dept, up.Period, up.Name), odsType, data)
		return
	}
	sendXLSX(w, store.CanonicalName(up.Dept, up.Period), data)
}

// annotated sends the upload's annotated copy, as tally check --annotate
// writes it.
func (s *Server) annotated(w http.ResponseWriter, r *http.Request, u *store.User) {
	up, ok := s.visible(r, u)
	if !ok {
		s.notFound(w, r)
		return
	}
	if up.Status != "findings" {
		s.errorPage(w, r, http.StatusNotFound, s.t("这个文件没有可批注的问题", "this file has no findings to annotate"))
		return
	}
	p, _ := reconcile.ParsePeriod(up.Period)
	path, err := s.cfg.Store.View(up)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := File{Path: path, Name: readName(up.Dept, up.Period, up.Name)}
	out, err := s.cfg.Engine.Check(f, s.prevFile(up.Dept, p))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := s.cfg.Engine.Annotate(f, out.Findings, &buf); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.cfg.Store.Audit(u, "download.annotated", up.ID)
	sendXLSX(w, up.Period+"-"+up.Dept+"-annotated.xlsx", buf.Bytes())
}
