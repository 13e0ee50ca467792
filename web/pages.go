package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/store"
	"github.com/shopspring/decimal"
)

var pageNames = []string{"login", "error", "dept", "upload", "board", "findings", "progress", "claims", "officedept", "users", "audit"}

func (s *Server) parsePages() error {
	funcs := template.FuncMap{
		"t":    s.t,
		"time": func(t time.Time) string { return t.In(s.cfg.Location).Format("2006-01-02 15:04:05") },
		"size": func(n int64) string {
			switch {
			case n >= 1<<20:
				return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) // a file size, not a figure
			case n >= 1<<10:
				return fmt.Sprintf("%d KB", n>>10)
			}
			return fmt.Sprintf("%d B", n)
		},
		"short": func(sha string) string {
			if len(sha) > 12 {
				return sha[:12]
			}
			return sha
		},
		"lang": func() string { return string(s.cfg.Lang) },
		// count is "1 error", "2 errors": English counts agree with
		// their noun (Chinese has none to agree).
		"count":    func(n int, one string) string { return englishCount(n, one) },
		"deptname": s.deptName,
		"action": func(a string) string {
			if t, ok := actionWord[a]; ok {
				return t.In(s.cfg.Lang)
			}
			return a
		},
	}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/partials.html")
	if err != nil {
		return err
	}
	s.pages = map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.Must(layout.Clone()).ParseFS(assets, "templates/"+name+".html")
		if err != nil {
			return fmt.Errorf("page %s: %w", name, err)
		}
		s.pages[name] = t
	}
	return nil
}

// actionWord names the audit log's actions.
var actionWord = map[string]reconcile.Text{
	"login":              {"登录", "log in"},
	"logout":             {"退出", "log out"},
	"login.failed":       {"登录失败", "failed login"},
	"login.locked":       {"账户锁定", "account locked"},
	"upload":             {"上传", "upload"},
	"upload.pick":        {"指定计入版本", "pick the version that counts"},
	"download":           {"下载原文件", "download a file"},
	"download.annotated": {"下载批注副本", "download an annotated copy"},
	"template":           {"下载模板", "download a template"},
	"consolidated":       {"下载汇总表", "download the consolidated workbook"},
	"user.add":           {"新建账户", "create an account"},
	"user.reset":         {"重置密码", "reset a password"},
	"user.disable":       {"停用账户", "disable an account"},
}

// render writes a page: the layout around the named page's content.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, u *store.User, data map[string]any) {
	data["User"] = u
	data["Page"] = page
	if _, ok := data["Title"]; !ok {
		data["Title"] = ""
	}
	var buf bytes.Buffer
	if err := s.pages[page].ExecuteTemplate(&buf, "layout.html", data); err != nil {
		s.cfg.Logf("render %s: %v", page, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// errorPage tells the user, in a page of its own, what went wrong.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	var u *store.User
	if c, err := r.Cookie(cookieName); err == nil {
		u, _ = s.cfg.Store.Session(c.Value)
	}
	s.render(w, r, status, "error", u, map[string]any{"Status": status, "Message": msg})
}

// serverError logs err and shows a page that does not leak it.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.cfg.Logf("%s %s: %v", r.Method, r.URL.Path, err)
	s.errorPage(w, r, http.StatusInternalServerError, s.t("服务器内部错误，已记录；请稍后再试或联系财政所", "internal error (logged): try again later or ask the office"))
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusNotFound, s.t("没有找到（或无权查看）", "not found (or not yours to see)"))
}

// englishCount says n of a noun in English: "1 error", "2 errors",
// "0 errors".
func englishCount(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	switch {
	case strings.HasSuffix(one, "ch"), strings.HasSuffix(one, "s"):
		return fmt.Sprintf("%d %ses", n, one)
	}
	return fmt.Sprintf("%d %ss", n, one)
}

// grouped writes an exact figure as the workbook shows it: thousands
// separators in its whole part, its decimals as they are (1234567.5 →
// 1,234,567.5). Only the digits are grouped; nothing is rounded.
func grouped(d decimal.Decimal) string {
	s := d.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		whole, frac = s[:i], s[i:]
	}
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String() + frac
}
