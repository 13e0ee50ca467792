// Package web is tally serve's HTTP adapter: it turns requests into calls
// of the same functions the command line uses (through Engine) and of the
// store, and results into pages. Pages, style and script are embedded: the
// offices it serves have no internet.
//
// Every handler checks on the server who may see what: a department sees
// and uploads only its own files and periods. reconcile must not import
// this package.
package web

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/store"
)

//go:embed templates/*.html static/*
var assets embed.FS

// File is a submission on disk and the name it is read under.
type File struct {
	Path, Name string
	// Received is the day (YYYY-MM-DD, in the office's time zone) the file
	// was uploaded, "" when not known: lateness is judged by it, as the
	// board judges it, not by the date the file records.
	Received string
}

// Engine runs tally's commands' own functions: the web package decides
// nothing about a workbook's content.
type Engine interface {
	// Spec is the spec the server runs on.
	Spec() *reconcile.Spec
	// Check runs tally check over f (and prev, last month's file that
	// counts, for the month-to-month chain).
	Check(f File, prev *File) (CheckOutcome, error)
	// Annotate writes f's annotated copy with these findings.
	Annotate(f File, findings []reconcile.Finding, w io.Writer) error
	// Template writes dept's template for p, prefilled from from when set
	// (tally template --from).
	Template(dept string, p reconcile.Period, from *File, w io.Writer) error
	// Reconcile consolidates files through asOf (tally reconcile --as-of).
	Reconcile(files []File, asOf reconcile.Period) (*reconcile.Result, error)
	// Workbook writes the consolidated workbook tally reconcile -o writes.
	Workbook(files []File, asOf reconcile.Period, w io.Writer) error
}

// Beijing is China Standard Time, UTC+8 all year: the desk's clock by
// default (Config.Location), as reconcile's save times and deadlines are.
var Beijing = time.FixedZone("CST", 8*60*60)

// Config is what a Server needs.
type Config struct {
	Store  *store.Store
	Engine Engine
	Lang   reconcile.Lang
	// Year is the reporting year the board and the open periods show.
	Year int
	// MaxUpload is the largest file accepted, in bytes.
	MaxUpload int64
	// Secure marks cookies Secure (the server runs TLS).
	Secure bool
	// Now is the clock; Location the time zone deadlines are in and times
	// are shown in (Beijing when nil).
	Now      func() time.Time
	Location *time.Location
	// Logf logs server-side errors.
	Logf func(format string, args ...any)
}

// Server is the reporting desk.
type Server struct {
	cfg    Config
	spec   *reconcile.Spec
	pages  map[string]*template.Template
	limit  *limiter
	handle http.Handler

	mu    sync.Mutex
	cache map[string]*reconcile.Result
}

// New builds a Server.
func New(cfg Config) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Location == nil {
		// The office's clock, whatever the server's: the deadlines and
		// every time shown are in 北京时间, as tally's save times and late
		// judgements are (a newcomer saw uploads in the server's UTC
		// beside save times in Beijing time, and the upload looked earlier
		// than the save).
		cfg.Location = Beijing
	}
	if cfg.Logf == nil {
		cfg.Logf = log.Printf
	}
	if cfg.Lang == "" {
		cfg.Lang = reconcile.Chinese
	}
	s := &Server{cfg: cfg, spec: cfg.Engine.Spec(), limit: newLimiter(cfg.Now), cache: map[string]*reconcile.Result{}}
	if s.cfg.Year == 0 {
		s.cfg.Year = s.spec.Year
	}
	if err := s.parsePages(); err != nil {
		return nil, err
	}
	s.handle = s.routes()
	return s, nil
}

// ServeHTTP serves the desk.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handle.ServeHTTP(w, r) }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(assets, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /login", s.loginPage)
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("POST /logout", s.user(s.logout))
	mux.HandleFunc("GET /{$}", s.user(s.home))

	// A department's own: it and the office may use them, for its
	// department only (checked in each handler).
	mux.HandleFunc("GET /dept", s.user(s.deptHome))
	mux.HandleFunc("GET /template", s.user(s.template))
	mux.HandleFunc("POST /upload", s.user(s.upload))
	mux.HandleFunc("GET /uploads/{id}", s.user(s.uploadPage))
	mux.HandleFunc("GET /uploads/{id}/file", s.user(s.uploadFile))
	mux.HandleFunc("GET /uploads/{id}/annotated", s.user(s.annotated))

	// The office's.
	mux.HandleFunc("GET /office", s.office(s.resultPage("board", reconcile.Text{"报送情况", "Submissions"}, s.boardRows)))
	mux.HandleFunc("GET /office/findings", s.office(s.resultPage("findings", reconcile.Text{"问题清单", "Findings"}, s.findingsRows)))
	mux.HandleFunc("GET /office/progress", s.office(s.resultPage("progress", reconcile.Text{"目标进度", "Progress"}, s.progressRows)))
	mux.HandleFunc("GET /office/claims", s.office(s.resultPage("claims", reconcile.Text{"报告核对", "Report claims"}, s.claimsRows)))
	mux.HandleFunc("GET /office/consolidated", s.office(s.consolidated))
	mux.HandleFunc("GET /office/dept/{code}", s.office(s.officeDept))
	mux.HandleFunc("POST /office/pick", s.office(s.pick))
	mux.HandleFunc("GET /office/users", s.office(s.usersPage))
	mux.HandleFunc("POST /office/users", s.office(s.accountForm(s.addUser)))
	mux.HandleFunc("POST /office/users/reset", s.office(s.accountForm(s.resetUser)))
	mux.HandleFunc("POST /office/users/disable", s.office(s.accountForm(s.disableUser)))
	mux.HandleFunc("GET /office/audit", s.office(s.auditPage))

	// Cross-site requests that change state are refused (Sec-Fetch-Site
	// and Origin), whatever the cookie's SameSite.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusForbidden, s.t("跨站请求已拒绝", "cross-site request refused"))
	}))
	return s.headers(cop.Handler(mux))
}

// headers sets what every response carries: no framing, no sniffing, and
// a policy that allows only the server's own style and script.
func (s *Server) headers(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("Cache-Control", "no-store")
		if s.cfg.Secure {
			hd.Set("Strict-Transport-Security", "max-age=31536000")
		}
		h.ServeHTTP(w, r)
	})
}

const cookieName = "tally_session"

// user wraps a handler that needs a logged-in user: without one, a page
// request goes to the login page and anything else is refused.
func (s *Server) user(h func(http.ResponseWriter, *http.Request, *store.User)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(cookieName)
		var u *store.User
		if err == nil {
			u, err = s.cfg.Store.Session(c.Value)
		}
		if err != nil || u == nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/login", http.StatusSeeOther)
				return
			}
			s.errorPage(w, r, http.StatusUnauthorized, s.t("请先登录", "log in first"))
			return
		}
		h(w, r, u)
	}
}

// office wraps a handler only the office may use.
func (s *Server) office(h func(http.ResponseWriter, *http.Request, *store.User)) http.HandlerFunc {
	return s.user(func(w http.ResponseWriter, r *http.Request, u *store.User) {
		if !u.IsOffice() {
			s.errorPage(w, r, http.StatusForbidden, s.t("只有财政所（汇总）账户可以使用此页", "only the office may use this page"))
			return
		}
		h(w, r, u)
	})
}

func (s *Server) home(w http.ResponseWriter, r *http.Request, u *store.User) {
	if u.IsOffice() {
		http.Redirect(w, r, "/office", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/dept", http.StatusSeeOther)
}

func (s *Server) t(zh, en string) string { return reconcile.Text{zh, en}.In(s.cfg.Lang) }

func (s *Server) setCookie(w http.ResponseWriter, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.cfg.Secure, SameSite: http.SameSiteStrictMode})
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "login", nil, map[string]any{})
}

func clientIP(r *http.Request) string {
	host := r.RemoteAddr
	if i := strings.LastIndex(host, ":"); i >= 0 {
		host = host[:i]
	}
	return host
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	name, pw := strings.TrimSpace(r.PostFormValue("name")), r.PostFormValue("password")
	fail := func(status int, msg string) {
		s.render(w, r, status, "login", nil, map[string]any{"Error": msg, "Name": name})
	}
	if until, locked := s.limit.locked(name, clientIP(r)); locked {
		fail(http.StatusTooManyRequests, fmt.Sprintf(s.t("登录失败次数过多，账户已锁定，请于 %s 后再试", "too many failed logins: locked until %s"),
			until.In(s.cfg.Location).Format("15:04")))
		return
	}
	u, err := s.cfg.Store.Authenticate(name, pw)
	switch {
	case errors.Is(err, store.ErrBadPassword):
		if until, locked := s.limit.fail(name, clientIP(r)); locked {
			s.cfg.Store.Audit(nil, "login.locked", name+" from "+clientIP(r))
			fail(http.StatusTooManyRequests, fmt.Sprintf(s.t("登录失败次数过多，账户已锁定，请于 %s 后再试", "too many failed logins: locked until %s"),
				until.In(s.cfg.Location).Format("15:04")))
			return
		}
		s.cfg.Store.Audit(nil, "login.failed", name+" from "+clientIP(r))
		fail(http.StatusUnauthorized, s.t("用户名或密码错误", "wrong user name or password"))
		return
	case errors.Is(err, store.ErrDisabled):
		fail(http.StatusForbidden, s.t("账户已停用，请联系财政所", "this account is disabled: ask the office"))
		return
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	token, err := s.cfg.Store.NewSession(u)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.limit.reset(name)
	s.setCookie(w, token, int(store.SessionTTL/time.Second))
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, u *store.User) {
	if c, err := r.Cookie(cookieName); err == nil {
		s.cfg.Store.EndSession(u, c.Value)
	}
	s.setCookie(w, "", -1)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// limiter locks an account after too many wrong passwords in a minute,
// and a client address after many more (guessing across names).
type limiter struct {
	now   func() time.Time
	mu    sync.Mutex
	fails map[string][]time.Time
	until map[string]time.Time
}

// Login limits: the sixth wrong password within a minute locks the account
// for LockFor; an address is locked after 30.
const (
	MaxFailsPerName = 5
	MaxFailsPerIP   = 30
	FailWindow      = time.Minute
	LockFor         = 15 * time.Minute
)

func newLimiter(now func() time.Time) *limiter {
	return &limiter{now: now, fails: map[string][]time.Time{}, until: map[string]time.Time{}}
}

func (l *limiter) locked(name, ip string) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	for _, k := range []string{"u:" + name, "ip:" + ip} {
		if t, ok := l.until[k]; ok && now.Before(t) {
			return t, true
		}
	}
	return time.Time{}, false
}

// fail counts a wrong password and says whether it locked the name or ip.
func (l *limiter) fail(name, ip string) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	var until time.Time
	locked := false
	for _, k := range []struct {
		key string
		max int
	}{{"u:" + name, MaxFailsPerName}, {"ip:" + ip, MaxFailsPerIP}} {
		var recent []time.Time
		for _, t := range l.fails[k.key] {
			if now.Sub(t) < FailWindow {
				recent = append(recent, t)
			}
		}
		recent = append(recent, now)
		l.fails[k.key] = recent
		if len(recent) > k.max {
			l.until[k.key] = now.Add(LockFor)
			until, locked = now.Add(LockFor), true
			delete(l.fails, k.key)
		}
	}
	return until, locked
}

func (l *limiter) reset(name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, "u:"+name)
}

// Spec is the spec the desk runs on.
func (s *Server) Spec() *reconcile.Spec { return s.spec }
