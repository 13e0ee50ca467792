package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jingwu/tally/internal/testtool"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/store"
	"github.com/jingwu/tally/web"
	"github.com/xuri/excelize/v2"
	"golang.org/x/crypto/bcrypt"
)

// desk is a reporting desk on loopback, built as tally serve builds it.
type desk struct {
	t     *testing.T
	url   string
	data  string
	st    *store.Store
	srv   *web.Server
	clock *clock
}

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

const testPassword = "correct horse battery"

// newTestDesk starts a desk with an office account and one account per
// department of the built-in spec, each named by its code.
func newTestDesk(t *testing.T) *desk { return newTestDeskYear(t, 0) }

// newTestDeskYear is newTestDesk for a reporting year (0: the spec's).
func newTestDeskYear(t *testing.T, year int) *desk {
	t.Helper()
	d := &desk{t: t, data: t.TempDir(), clock: &clock{t: time.Date(2020, 4, 3, 10, 0, 0, 0, web.Beijing)}}
	opts := &serveOptions{Data: d.data, Lang: "zh", MaxFileMB: 64, Year: year, now: d.clock.now}
	srv, st, err := newDesk(opts, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	st.Now = d.clock.now
	// Its accounts hash passwords at bcrypt's least cost: each test makes
	// six or more, and a hash at tally serve's cost (store's
	// TestDefaultCost) is seconds under the race detector.
	st.Cost = bcrypt.MinCost
	d.st, d.srv = st, srv
	hs := httptest.NewServer(srv)
	t.Cleanup(func() { hs.Close(); st.Close() })
	d.url = hs.URL
	if _, err := st.AddUser(nil, "office", store.Office, "", testPassword); err != nil {
		t.Fatal(err)
	}
	for _, dep := range srv.Spec().Departments {
		if _, err := st.AddUser(nil, dep.Code, store.Dept, dep.Code, testPassword); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// client is a browser-like session: cookies kept, redirects not followed.
func (d *desk) client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func (d *desk) login(name string) *http.Client {
	d.t.Helper()
	c := d.client()
	resp, err := c.PostForm(d.url+"/login", url.Values{"name": {name}, "password": {testPassword}})
	if err != nil {
		d.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		d.t.Fatalf("login %s: %s", name, resp.Status)
	}
	return c
}

// get returns the status and body of a GET.
func (d *desk) get(c *http.Client, path string) (int, string) {
	d.t.Helper()
	resp, err := c.Get(d.url + path)
	if err != nil {
		d.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusSeeOther {
		return resp.StatusCode, resp.Header.Get("Location")
	}
	return resp.StatusCode, string(b)
}

// upload posts a file as the upload form does; fields are sent before the
// file, as the browser sends them.
func (d *desk) upload(c *http.Client, fields map[string]string, name string, data []byte, header ...string) (*http.Response, string) {
	d.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", d.url+"/upload", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		d.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

var uploadID = regexp.MustCompile(`/uploads/([0-9a-f]{32})$`)

// mustUpload uploads and returns the new upload's id.
func (d *desk) mustUpload(c *http.Client, period, path string) string {
	d.t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		d.t.Fatal(err)
	}
	resp, body := d.upload(c, map[string]string{"period": period}, filepath.Base(path), data)
	m := uploadID.FindStringSubmatch(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusSeeOther || m == nil {
		d.t.Fatalf("upload %s for %s: %s %s", path, period, resp.Status, body)
	}
	return m[1]
}

func (d *desk) countUploads() int {
	var n int
	if err := d.st.DB().QueryRow(`SELECT count(*) FROM uploads`).Scan(&n); err != nil {
		d.t.Fatal(err)
	}
	return n
}

// runIn runs tally (this test binary, as testscript's TestMain makes it)
// in folder dir, as a clerk runs it there: the inputs' names in its output
// are relative, as the desk's are. It returns the exit code, stdout and
// stderr. (A process of its own, so the test need not change this one's
// folder and can run in parallel.)
func runIn(t *testing.T, dir string, args ...string) (int, []byte, string) {
	t.Helper()
	bin, err := exec.LookPath("tally")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	err = cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return ee.ExitCode(), so.Bytes(), se.String()
	case err != nil:
		t.Fatalf("tally %v: %v", args, err)
	}
	return 0, so.Bytes(), se.String()
}

func sampleFile(t *testing.T, name string) string {
	return repo(t, filepath.Join("testdata/submissions", name))
}

// Department A (czs) cannot list, download or upload for department B
// (tjz): not by URL, not by id, not by form field; it cannot reach the
// office's pages; and without a login only the login page answers.
func TestServeAccessControl(t *testing.T) {
	t.Parallel()
	d := newTestDesk(t)
	a, b := d.login("czs"), d.login("tjz")
	idA := d.mustUpload(a, "2020-01", sampleFile(t, "2020-01-czs.xlsx"))
	idB := d.mustUpload(b, "2020-01", sampleFile(t, "2020-01-tjz.xlsx"))

	// Unauthenticated: every page sends to the login page; every POST is refused.
	anon := d.client()
	for _, p := range []string{"/", "/dept", "/office", "/office/users", "/office/consolidated?asof=2020-01",
		"/uploads/" + idA, "/uploads/" + idA + "/file", "/uploads/" + idA + "/annotated", "/template?period=2020-01"} {
		if code, loc := d.get(anon, p); code != http.StatusSeeOther || loc != "/login" {
			t.Errorf("anonymous GET %s: %d %s, want a redirect to /login", p, code, loc)
		}
	}
	if code, body := d.get(anon, "/login"); code != 200 || !strings.Contains(body, `name="password"`) {
		t.Errorf("GET /login: %d", code)
	}
	before := d.countUploads()
	if resp, _ := d.upload(anon, map[string]string{"period": "2020-02"}, "x.xlsx", []byte("x")); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("anonymous upload: %s", resp.Status)
	}
	for _, p := range []string{"/office/users", "/office/pick", "/logout"} {
		resp, err := anon.PostForm(d.url+p, url.Values{"name": {"x"}, "id": {idB}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("anonymous POST %s: %s", p, resp.Status)
		}
	}

	// A's own pages do not list B's upload.
	if _, body := d.get(a, "/dept"); !strings.Contains(body, idA) || strings.Contains(body, idB) {
		t.Errorf("A's page: own upload listed %v, B's listed %v", strings.Contains(body, idA), strings.Contains(body, idB))
	}
	// By id: B's upload, file and annotated copy are not found for A.
	for _, p := range []string{"/uploads/" + idB, "/uploads/" + idB + "/file", "/uploads/" + idB + "/annotated"} {
		if code, body := d.get(a, p); code != http.StatusNotFound || strings.Contains(body, "tjz") && strings.Contains(body, idB) {
			t.Errorf("A GET %s: %d, want 404", p, code)
		}
	}
	// By URL: B's template, office pages.
	for _, p := range []string{"/template?period=2020-02&dept=tjz", "/office", "/office/dept/tjz", "/office/consolidated?asof=2020-01",
		"/office/findings", "/office/users", "/office/audit"} {
		if code, _ := d.get(a, p); code != http.StatusNotFound && code != http.StatusForbidden {
			t.Errorf("A GET %s: %d, want 403 or 404", p, code)
		}
	}
	// By form field: an upload naming B's department.
	data, _ := os.ReadFile(sampleFile(t, "2020-02-tjz.xlsx"))
	if resp, _ := d.upload(a, map[string]string{"period": "2020-02", "dept": "tjz"}, "2020-02-tjz.xlsx", data); resp.StatusCode != http.StatusForbidden {
		t.Errorf("A uploading for tjz: %s, want 403", resp.Status)
	}
	// A period that is not A's (czs has no annual tables) or not a period.
	for _, p := range []string{"2020", "2019-13", "../../x", "2030-01"} {
		if resp, _ := d.upload(a, map[string]string{"period": p}, "x.xlsx", data); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("A uploading for period %q: %s, want 400", p, resp.Status)
		}
	}
	// The office's forms.
	for _, p := range []string{"/office/pick", "/office/users", "/office/users/reset", "/office/users/disable"} {
		resp, err := a.PostForm(d.url+p, url.Values{"id": {idB}, "name": {"tjz"}, "role": {"office"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("A POST %s: %s, want 403", p, resp.Status)
		}
	}
	// Ids that are paths or guesses.
	for _, id := range []string{"..%2F..%2Ftally.db", strings.Repeat("0", 32), idB[:31] + "x"} {
		if code, _ := d.get(a, "/uploads/"+id+"/file"); code != http.StatusNotFound {
			t.Errorf("A GET upload %q: %d, want 404", id, code)
		}
	}
	if n := d.countUploads(); n != before {
		t.Errorf("%d uploads recorded by refused requests", n-before)
	}
	if blobs, _ := filepath.Glob(filepath.Join(d.data, "files", "*", "*")); len(blobs) != before {
		t.Errorf("%d files kept for %d uploads: refused ones were kept", len(blobs), before)
	}
	// The office sees both.
	o := d.login("office")
	for _, id := range []string{idA, idB} {
		if code, _ := d.get(o, "/uploads/"+id+"/file"); code != 200 {
			t.Errorf("office GET %s: %d", id, code)
		}
	}
	// The office may upload on a department's behalf, naming it.
	resp, _ := d.upload(o, map[string]string{"period": "2020-02", "dept": "tjz"}, "2020-02-tjz.xlsx", data)
	if m := uploadID.FindStringSubmatch(resp.Header.Get("Location")); resp.StatusCode != http.StatusSeeOther || m == nil {
		t.Errorf("office uploading for tjz: %s", resp.Status)
	} else if up, err := d.st.Upload(m[1]); err != nil || up.Dept != "tjz" || up.User != "office" {
		t.Errorf("office's upload for tjz recorded as %+v (%v)", up, err)
	}
	if resp, _ := d.upload(o, map[string]string{"period": "2020-02"}, "x.xlsx", data); resp.StatusCode != http.StatusForbidden {
		t.Errorf("office upload naming no department: %s, want 403", resp.Status)
	}
	// A disabled account's session ends.
	if err := d.st.Disable(nil, "czs"); err != nil {
		t.Fatal(err)
	}
	if code, loc := d.get(a, "/dept"); code != http.StatusSeeOther || loc != "/login" {
		t.Errorf("disabled account's session: %d %s", code, loc)
	}
}

// A POST from another site is refused even with the user's cookie.
func TestServeCrossSitePost(t *testing.T) {
	t.Parallel()
	d := newTestDesk(t)
	a := d.login("czs")
	data, _ := os.ReadFile(sampleFile(t, "2020-01-czs.xlsx"))
	for _, h := range [][]string{{"Sec-Fetch-Site", "cross-site"}, {"Origin", "http://evil.example"}} {
		resp, body := d.upload(a, map[string]string{"period": "2020-01"}, "2020-01-czs.xlsx", data, h...)
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "跨站请求已拒绝") {
			t.Errorf("upload with %s: %s", h, resp.Status)
		}
	}
	if n := d.countUploads(); n != 0 {
		t.Errorf("%d cross-site uploads recorded", n)
	}
	// The same request from the desk's own page goes through.
	resp, _ := d.upload(a, map[string]string{"period": "2020-01"}, "2020-01-czs.xlsx", data, "Sec-Fetch-Site", "same-origin", "Origin", d.url)
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("same-origin upload: %s", resp.Status)
	}
	o := d.login("office")
	req, _ := http.NewRequest("POST", d.url+"/office/users", strings.NewReader("name=evil&role=office"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := o.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if _, err := d.st.UserByName("evil"); resp.StatusCode != http.StatusForbidden || err == nil {
		t.Errorf("cross-site account creation: %s, account made: %v", resp.Status, err == nil)
	}
}

// The sixth wrong password within a minute locks the account for a while:
// even the right password is refused until the lock ends.
func TestServeLockout(t *testing.T) {
	t.Parallel()
	d := newTestDesk(t)
	try := func(pw string) int {
		resp, err := d.client().PostForm(d.url+"/login", url.Values{"name": {"czs"}, "password": {pw}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for i := 1; i <= 5; i++ {
		if code := try("wrong password"); code != http.StatusUnauthorized {
			t.Fatalf("wrong password %d: %d, want 401", i, code)
		}
		d.clock.add(5 * time.Second)
	}
	if code := try("wrong password"); code != http.StatusTooManyRequests {
		t.Fatalf("sixth wrong password: %d, want 429 (locked)", code)
	}
	if code := try(testPassword); code != http.StatusTooManyRequests {
		t.Fatalf("right password while locked: %d, want 429", code)
	}
	// Another account is not locked by it.
	if code := func() int {
		resp, _ := d.client().PostForm(d.url+"/login", url.Values{"name": {"tjz"}, "password": {testPassword}})
		resp.Body.Close()
		return resp.StatusCode
	}(); code != http.StatusSeeOther {
		t.Errorf("another account: %d", code)
	}
	d.clock.add(web.LockFor + time.Second)
	if code := try(testPassword); code != http.StatusSeeOther {
		t.Fatalf("right password after the lock: %d, want 303", code)
	}
	// Five wrong ones spread over more than a minute do not lock.
	for i := 0; i < 8; i++ {
		if code := try("wrong password"); code != http.StatusUnauthorized {
			t.Fatalf("spread wrong password %d: %d", i, code)
		}
		d.clock.add(20 * time.Second)
	}
	log, _ := d.st.AuditLog(100)
	locked := 0
	for _, e := range log {
		if e.Action == "login.locked" {
			locked++
		}
	}
	if locked != 1 {
		t.Errorf("audit log has %d lockouts, want 1", locked)
	}
}

// Hostile uploads get a page that says what is wrong, nothing escapes the
// data folder, and the desk keeps serving.
func TestServeHostileUploads(t *testing.T) {
	t.Parallel()
	d := newTestDesk(t)
	a := d.login("czs")
	bad := func(name string) []byte {
		b, err := os.ReadFile(repo(t, filepath.Join("testdata/bad", name)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var ods bytes.Buffer
	zw := zip.NewWriter(&ods)
	w, _ := zw.Create("mimetype")
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = zw.Create("content.xml")
	w.Write([]byte("<office:document-content/>"))
	zw.Close()
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"zip-bomb.xlsx", bad("zip-bomb.xlsx"), "压缩炸弹"},
		{"encrypted.xlsx", bad("encrypted.xlsx"), "加密"},
		{"legacy.xls", bad("legacy.xls"), ".xls"},
		{"book.ods", ods.Bytes(), "无法读取"},
		{"truncated.xlsx", bad("truncated.xlsx"), "无法读取"},
		{"not-a-zip.xlsx", bad("not-a-zip.xlsx"), "无法读取"},
	} {
		resp, _ := d.upload(a, map[string]string{"period": "2020-01"}, c.name, c.data)
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther {
			t.Errorf("%s: %s", c.name, resp.Status)
			continue
		}
		_, page := d.get(a, loc)
		if !strings.Contains(page, "文件无法读取") || !strings.Contains(page, c.want) {
			t.Errorf("%s: the result page does not say it is unreadable (%q):\n%s", c.name, c.want, page)
		}
	}
	// A name with a path: kept only as the name shown.
	good, _ := os.ReadFile(sampleFile(t, "2020-01-czs.xlsx"))
	// Where the name would land if it were used as a path (../.. of the
	// test's data folder is the shared temporary folder, where another
	// program may have an x.xlsx of its own: compare what is there).
	outside := []string{filepath.Join(d.data, "..", "..", "x.xlsx"), filepath.Join(d.data, "..", "x.xlsx"), filepath.Join(d.data, "x.xlsx")}
	existing := map[string]string{}
	for _, p := range outside {
		if b, err := os.ReadFile(p); err == nil {
			existing[p] = string(b)
		}
	}
	resp, _ := d.upload(a, map[string]string{"period": "2020-01"}, `../../x.xlsx`, good)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("../../x.xlsx: %s", resp.Status)
	}
	_, page := d.get(a, resp.Header.Get("Location"))
	if !strings.Contains(page, "<dd>x.xlsx</dd>") {
		t.Errorf("the name shown is not x.xlsx")
	}
	for _, p := range outside {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if prev, was := existing[p]; !was || string(b) != prev {
			t.Errorf("%s was written", p)
		}
	}
	// 200 MB, streamed without a length: refused at the limit with a page.
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		mw.WriteField("period", "2020-01")
		fw, _ := mw.CreateFormFile("file", "huge.xlsx")
		chunk := make([]byte, 1<<20)
		for i := 0; i < 200; i++ {
			if _, err := fw.Write(chunk); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
		mw.Close()
		pw.Close()
	}()
	req, _ := http.NewRequest("POST", d.url+"/upload", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	before := d.countUploads()
	if resp, err := a.Do(req); err != nil {
		t.Errorf("200 MB upload: no page: %v", err)
	} else {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(body), "64 MB") {
			t.Errorf("200 MB upload: %s %s", resp.Status, body)
		}
	}
	pr.Close()
	// With a length: refused before it is read.
	req, _ = http.NewRequest("POST", d.url+"/upload", io.LimitReader(zeros{}, 200<<20))
	req.ContentLength = 200 << 20
	req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	if resp, err := a.Do(req); err != nil || resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("200 MB upload with a length: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	if n := d.countUploads(); n != before {
		t.Errorf("a too-large upload was recorded")
	}
	if tmp, _ := os.ReadDir(filepath.Join(d.data, "tmp")); len(tmp) != 0 {
		t.Errorf("%d files left in tmp", len(tmp))
	}
	// No file chosen.
	var empty bytes.Buffer
	mw2 := multipart.NewWriter(&empty)
	mw2.WriteField("period", "2020-01")
	mw2.Close()
	req, _ = http.NewRequest("POST", d.url+"/upload", &empty)
	req.Header.Set("Content-Type", mw2.FormDataContentType())
	if resp, err := a.Do(req); err != nil {
		t.Fatal(err)
	} else {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "请选择要上传的文件") {
			t.Errorf("no file: %s", resp.Status)
		}
	}
	// Still serving.
	if code, _ := d.get(a, "/dept"); code != 200 {
		t.Errorf("after the hostile uploads: %d", code)
	}
	d.mustUpload(a, "2020-01", sampleFile(t, "2020-01-czs.xlsx"))
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// The consolidated workbook the office downloads is the one tally
// reconcile writes over the files that count, and the board's figures are
// that run's; when the office picks an earlier version, both follow it.
func TestServeReconcileMatchesBoard(t *testing.T) {
	t.Parallel()
	d := newTestDesk(t)
	clients := map[string]*http.Client{}
	for _, dep := range []string{"czs", "tjz", "zsb", "ldbz", "kjk"} {
		clients[dep] = d.login(dep)
	}
	var brokenID string
	for m := 1; m <= 3; m++ {
		d.clock.set(time.Date(2020, time.Month(m)+1, 3, 10, 0, 0, 0, web.Beijing)) // before the 5th: on time
		for dep, c := range clients {
			p := fmt.Sprintf("2020-%02d", m)
			if dep == "czs" && m == 3 {
				brokenID = d.mustUpload(c, p, brokenMarch(t))
			}
			d.mustUpload(c, p, sampleFile(t, p+"-"+dep+".xlsx"))
		}
	}
	o := d.login("office")
	compare := func(label string) {
		t.Helper()
		// The files that count, under their names, in a folder of their own.
		dir := t.TempDir()
		cs, err := d.st.Counting()
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			data, err := os.ReadFile(d.st.ViewPath(c))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, store.CanonicalName(c.Dept, c.Period)), data, 0o644)
		}
		out := filepath.Join(t.TempDir(), "cli.xlsx")
		runIn(t, dir, "reconcile", "--as-of", "2020-03", "-o", out, ".")
		_, js, _ := runIn(t, dir, "reconcile", "--as-of", "2020-03", "--json", ".")

		code, body := d.get(o, "/office/consolidated?asof=2020-03")
		if code != 200 {
			t.Fatalf("%s: download: %d", label, code)
		}
		web := filepath.Join(t.TempDir(), "web.xlsx")
		os.WriteFile(web, []byte(body), 0o644)
		if a, b := dump(t, out, false), dump(t, web, false); a != b {
			t.Errorf("%s: the downloaded workbook differs from tally reconcile's:\n%s", label, cmp.Diff(a, b))
		}
		// The board shows the same run's figures.
		_, board := d.get(o, "/office?asof=2020-03")
		m := regexp.MustCompile(`data-files="(\d+)" data-rows="(\d+)" data-errors="(\d+)" data-warnings="(\d+)" data-consistent="(\d+)"`).FindStringSubmatch(board)
		if m == nil {
			t.Fatalf("%s: no summary on the board", label)
		}
		var res struct{ Summary map[string]any }
		if err := json.Unmarshal(js, &res); err != nil {
			t.Fatal(err)
		}
		for i, key := range []string{"files", "rows", "errors", "warnings", "consistent"} {
			if want := fmt.Sprint(res.Summary[key]); want != m[i+1] {
				t.Errorf("%s: board %s = %s, tally reconcile --json says %s", label, key, m[i+1], want)
			}
		}
	}
	compare("latest")
	_, board := d.get(o, "/office?asof=2020-03")
	errs := strings.Count(board, `class="cell errors"`)
	if strings.Count(board, `class="cell missing"`) != 0 || strings.Count(board, `class="cell ontime"`)+errs != 15 {
		t.Errorf("board: want 15 on time or with errors:\n%s", board)
	}
	// The office picks the broken version: it counts, the board shows it.
	resp, err := o.PostForm(d.url+"/office/pick", url.Values{"id": {brokenID}})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("pick: %v %v", resp, err)
	}
	compare("picked")
	if _, board := d.get(o, "/office?asof=2020-03"); strings.Count(board, `class="cell errors"`) != errs+1 {
		t.Errorf("board after the pick: want one more month with errors")
	}
}

// Late is judged by when the file was uploaded against the deadline, not
// by the date the file records.
func TestServeLateByUploadTime(t *testing.T) {
	t.Parallel()
	d := newTestDesk(t)
	a := d.login("czs")
	d.clock.set(time.Date(2020, 2, 5, 23, 59, 0, 0, web.Beijing)) // the deadline day (5th) of the next month
	d.mustUpload(a, "2020-01", sampleFile(t, "2020-01-czs.xlsx"))
	d.clock.set(time.Date(2020, 3, 6, 0, 0, 1, 0, web.Beijing))
	d.mustUpload(a, "2020-02", sampleFile(t, "2020-02-czs.xlsx"))
	o := d.login("office")
	_, board := d.get(o, "/office?asof=2020-03")
	row := regexp.MustCompile(`(?s)czs</small></th>(.*?)</tr>`).FindStringSubmatch(board)
	if row == nil {
		t.Fatal("no czs row")
	}
	cells := regexp.MustCompile(`class="cell (\w+)"`).FindAllStringSubmatch(row[1], -1)
	got := []string{}
	for _, c := range cells {
		got = append(got, c[1])
	}
	if strings.Join(got, ",") != "ontime,late,missing" {
		t.Errorf("czs row: %v, want ontime,late,missing", got)
	}
	// One account of lateness: the board's 逾期报送 1 is the summary's one
	// warning and 问题清单's late upload, judged by the same upload day (the
	// file itself records it was saved on time, 2020-03-03); and the
	// summary counts 提示 as the terminal does.
	if !strings.Contains(board, `<span class="st late">逾期报送 1</span>`) {
		t.Errorf("the board does not count one late month:\n%s", board)
	}
	sum := regexp.MustCompile(`(?s)<p class="summary"[^>]*data-warnings="(\d+)" data-consistent="\d+" data-infos="(\d+)"[^>]*>(.*?)</p>`).FindStringSubmatch(board)
	if sum == nil {
		t.Fatalf("no summary on the board:\n%s", board)
	}
	if sum[1] != "1" || !strings.Contains(sum[3], "警告 1，提示 "+sum[2]+"）") {
		t.Errorf("summary: %s warnings, %s info: %q; want the late month as 警告 1 and 提示 counted", sum[1], sum[2], sum[3])
	}
	// March uploaded late with errors (brokenMarch): 有错误·逾期 on the
	// board, counted in 逾期报送 too, one more warning in the summary and
	// one more late upload in 问题清单.
	d.clock.set(time.Date(2020, 4, 20, 9, 0, 0, 0, web.Beijing))
	d.mustUpload(d.login("czs"), "2020-03", brokenMarch(t))
	o = d.login("office")
	_, board = d.get(o, "/office?asof=2020-03")
	if !strings.Contains(board, `<span class="st late">逾期报送 2</span>`) || !strings.Contains(board, "有错误·逾期") {
		t.Errorf("the board does not count March, late with errors, as late:\n%s", board)
	}
	if m := regexp.MustCompile(`data-warnings="(\d+)"`).FindStringSubmatch(board); m == nil || m[1] != "2" {
		t.Errorf("summary warnings %v, want the two late months", m)
	}
	_, findings := d.get(o, "/office/findings?asof=2020-03")
	if n := strings.Count(findings, "逾期报送："); n != 2 || !strings.Contains(findings, "逾期报送：上传于 2020-03-06，截止日期为 2020-03-05") ||
		!strings.Contains(findings, "逾期报送：上传于 2020-04-20，截止日期为 2020-04-05") {
		t.Errorf("问题清单 has %d late findings, want February's by its upload day:\n%s", n, findings)
	}
}

// The board speaks the workbook's words: 1月 not 01月, 未报送 not 未报; and
// the pages call the desk what the terminal and help call it, 报送平台.
func TestServeBoardWords(t *testing.T) {
	d := newTestDesk(t)
	a := d.login("czs")
	d.mustUpload(a, "2020-01", sampleFile(t, "2020-01-czs.xlsx"))
	o := d.login("office")
	_, board := d.get(o, "/office?asof=2020-03")
	for _, want := range []string{"<th>1月</th>", "<th>3月</th>", ">未报送</td>", "<title>报送情况 · tally 报送平台</title>"} {
		if !strings.Contains(board, want) {
			t.Errorf("the board has no %q", want)
		}
	}
	for _, bad := range []string{"01月", ">未报<", "报送台"} {
		if strings.Contains(board, bad) {
			t.Errorf("the board says %q", bad)
		}
	}
}

// A file made from August's template, sent with September picked, is not
// September's return: the desk refuses it, says which period the file is
// for and which was picked, keeps nothing, and September stays missing.
func TestServeUploadUnderAnotherPeriod(t *testing.T) {
	d := newTestDesk(t)
	d.clock.set(time.Date(2020, 10, 3, 10, 0, 0, 0, web.Beijing))
	a := d.login("czs")
	data, err := os.ReadFile(sampleFile(t, "2020-08-czs.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	resp, body := d.upload(a, map[string]string{"period": "2020-09"}, "2020-08-czs.xlsx", data)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("upload under 2020-09: %s, want 422", resp.Status)
	}
	if !strings.Contains(body, "所选报告期 2020-09 与文件（2020-08 的模板）不符，文件未保存") || strings.Contains(body, "文件名表明") {
		t.Errorf("the page does not say the period picked is not the file's:\n%s", body)
	}
	if n := d.countUploads(); n != 0 {
		t.Errorf("%d uploads kept, want none", n)
	}
	o := d.login("office")
	_, board := d.get(o, "/office?asof=2020-09")
	row := regexp.MustCompile(`(?s)czs</small></th>(.*?)</tr>`).FindStringSubmatch(board)
	if row == nil || !strings.HasSuffix(strings.Join(regexp.MustCompile(`class="cell (\w+)"`).FindAllString(row[1], -1), ","), `class="cell missing"`) {
		t.Errorf("czs's September is not missing on the board")
	}
	// The office, uploading for a department with another's file, is told so.
	resp, body = d.upload(o, map[string]string{"period": "2020-08", "dept": "tjz"}, "2020-08-czs.xlsx", data)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "所选单位 统计站 与文件（财政所 2020-08 的模板）不符") {
		t.Errorf("upload of 财政所's file for 统计站: %s\n%s", resp.Status, body)
	}
	// The right period is accepted.
	d.mustUpload(a, "2020-08", sampleFile(t, "2020-08-czs.xlsx"))
}

// The desk takes what tally reads: an OpenDocument file (.ods) is accepted
// by the picker, read as .ods (no 扩展名与格式不符 for the desk's own
// naming) and sent back as .ods.
func TestServeUploadODS(t *testing.T) {
	d := newTestDesk(t)
	a := d.login("ldbz")
	_, page := d.get(a, "/dept")
	if !strings.Contains(page, `accept=".xlsx,.xlsm,.ods,`) {
		t.Errorf("the upload picker does not accept .ods")
	}
	id := d.mustUpload(a, "2020-01", repo(t, "testdata/realworld/2020-01-ldbz.ods"))
	_, result := d.get(a, "/uploads/"+id)
	if strings.Contains(result, "ods_named_xlsx") || strings.Contains(result, "扩展名与格式不符") {
		t.Errorf("the desk's own .xlsx name is reported as the department's mistake")
	}
	resp, err := a.Get(d.url + "/uploads/" + id + "/file")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `2020-01-ldbz.ods"`) || resp.Header.Get("Content-Type") != "application/vnd.oasis.opendocument.spreadsheet" {
		t.Errorf("download: %s %s", cd, resp.Header.Get("Content-Type"))
	}
}

// brokenMarch is 财政所's March file with a figure typed as 待核实: its own
// template and period, one error.
func brokenMarch(t *testing.T) string { return brokenReturn(t, "2020-03-czs.xlsx") }

// brokenReturn is a sample 财政所 return with one error: text in a 本月 cell.
func brokenReturn(t *testing.T, name string) string {
	t.Helper()
	f, err := excelize.OpenFile(sampleFile(t, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellValue("税收收入", "C4", "待核实"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// The office makes a department's login, resets its password and disables
// it, from the accounts page.
func TestServeAccounts(t *testing.T) {
	t.Parallel()
	d := newTestDesk(t)
	o := d.login("office")
	password := regexp.MustCompile(`（只显示这一次）：([A-Za-z0-9]+)`)
	post := func(path string, form url.Values) string {
		t.Helper()
		resp, err := o.PostForm(d.url+path, form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	tryLogin := func(name, pw string) int {
		resp, err := d.client().PostForm(d.url+"/login", url.Values{"name": {name}, "password": {pw}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	page := post("/office/users", url.Values{"name": {"czs2"}, "role": {"dept"}, "dept": {"czs"}})
	m := password.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no password shown:\n%s", page)
	}
	if code := tryLogin("czs2", m[1]); code != http.StatusSeeOther {
		t.Fatalf("new account's login: %d", code)
	}
	if u, _ := d.st.UserByName("czs2"); u == nil || u.Dept != "czs" || u.IsOffice() {
		t.Fatalf("new account: %+v", u)
	}
	if page := post("/office/users", url.Values{"name": {"x"}, "role": {"dept"}, "dept": {"nosuch"}}); !strings.Contains(page, "请选择单位") {
		t.Errorf("an account for no department was not refused")
	}
	page = post("/office/users/reset", url.Values{"name": {"czs2"}})
	m2 := password.FindStringSubmatch(page)
	if m2 == nil || m2[1] == m[1] {
		t.Fatalf("reset: no new password")
	}
	if tryLogin("czs2", m[1]) != http.StatusUnauthorized || tryLogin("czs2", m2[1]) != http.StatusSeeOther {
		t.Errorf("after the reset the old password still works or the new one does not")
	}
	post("/office/users/disable", url.Values{"name": {"czs2"}})
	if code := tryLogin("czs2", m2[1]); code != http.StatusForbidden {
		t.Errorf("disabled account's login: %d, want 403", code)
	}
	if page := post("/office/users/disable", url.Values{"name": {"office"}}); !strings.Contains(page, "不能停用自己的账户") {
		t.Errorf("the office could disable itself")
	}
	log, _ := d.st.AuditLog(50)
	var actions []string
	for _, e := range log {
		if e.Actor == "office" && strings.HasPrefix(e.Action, "user.") {
			actions = append(actions, e.Action+" "+e.Detail)
		}
	}
	if len(actions) != 3 {
		t.Errorf("audit log of the office's account changes: %q", actions)
	}
}

// February's template is prefilled from January's accepted file, as tally
// template --from writes it: the same rows, 本年累计 carried.
func TestServeTemplatePrefilled(t *testing.T) {
	t.Parallel()
	d := newTestDesk(t)
	a := d.login("czs")
	d.mustUpload(a, "2020-01", sampleFile(t, "2020-01-czs.xlsx"))
	d.mustUpload(a, "2020-01", repo(t, "testdata/bad/not-a-zip.xlsx")) // counts, but cannot be read
	code, body := d.get(a, "/template?period=2020-02")
	if code != 200 {
		t.Fatalf("template: %d", code)
	}
	got := filepath.Join(t.TempDir(), "web.xlsx")
	os.WriteFile(got, []byte(body), 0o644)
	// The command line, over January's file.
	jan := t.TempDir()
	data, _ := os.ReadFile(sampleFile(t, "2020-01-czs.xlsx"))
	os.WriteFile(filepath.Join(jan, "2020-01-czs.xlsx"), data, 0o644)
	out := t.TempDir()
	var so, se bytes.Buffer
	if c := run([]string{"template", "--period", "2020-02", "--dept", "czs", "--from", jan, "-o", out}, strings.NewReader(""), &so, &se); c != 0 {
		t.Fatalf("tally template: %d %s", c, se.String())
	}
	want := dump(t, filepath.Join(out, "2020-02-czs.xlsx"), false)
	if g := dump(t, got, false); g != want {
		t.Errorf("the downloaded template is not tally template --from's:\n%s", cmp.Diff(want, g))
	}
	if !strings.Contains(want, "有限公司") {
		t.Errorf("the template is not prefilled with January's enterprises")
	}
	if !strings.Contains(want, "预填：本表已按 2020-01-czs.xlsx 预填") {
		t.Errorf("the downloaded template's 填报说明 does not name the return it is prefilled from")
	}
	// Another department's period, or no period of its own.
	if code, _ := d.get(a, "/template?period=2020"); code != http.StatusBadRequest {
		t.Errorf("template for a period czs does not report: %d", code)
	}
}

// With --lang en every page is in English.
func TestServeEnglish(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	srv, st, err := newDesk(&serveOptions{Data: data, Lang: "en", MaxFileMB: 64}, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hs := httptest.NewServer(srv)
	defer hs.Close()
	st.AddUser(nil, "office", store.Office, "", testPassword)
	d := &desk{t: t, url: hs.URL, st: st}
	o := d.login("office")
	han := regexp.MustCompile(`\p{Han}`)
	for _, p := range []string{"/office?asof=2020-03", "/office/users", "/office/audit", "/office/findings?asof=2020-03", "/office/progress?asof=2020-03"} {
		_, body := d.get(o, p)
		// Department and sheet names are the spec's own, in Chinese; the
		// page's words are not.
		body = regexp.MustCompile(`(?s)<table class="grid (?:board|findings)">.*?</table>|<option value="[a-z0-9]+">[^<]*</option>|<td>[^<]*(?:（[a-z0-9]+）| \([a-z0-9]+\))</td>`).ReplaceAllString(body, "")
		if han.MatchString(body) {
			t.Errorf("%s has Chinese text in English mode: %q", p, han.FindAllString(body, 10))
		}
	}
}

// A return filled in and saved by LibreOffice Calc (which computes the
// template's 合计 formulas) is accepted by the desk, as tally check accepts
// it.
func TestServeLibreOfficeReturn(t *testing.T) {
	t.Parallel()
	soffice := testtool.Require(t, "soffice")
	d := newTestDesk(t)
	a := d.login("czs")
	code, body := d.get(a, "/template?period=2020-01")
	if code != 200 {
		t.Fatalf("template: %d", code)
	}
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "template.xlsx")
	os.WriteFile(tmpl, []byte(body), 0o644)
	filled := filepath.Join(dir, "filled.xlsx")
	fillTemplate(t, tmpl, filled, false, true)
	out := filepath.Join(dir, "calc")
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, filled)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, msg)
	}
	id := d.mustUpload(a, "2020-01", filepath.Join(out, "filled.xlsx"))
	up, err := d.st.Upload(id)
	if err != nil {
		t.Fatal(err)
	}
	if up.Status == "unreadable" || up.Errors != 0 {
		t.Errorf("LibreOffice's file: status %s, %d errors: %s", up.Status, up.Errors, up.Report)
	}
	// The same file through tally check.
	var so, se bytes.Buffer
	if c := run([]string{"check", filepath.Join(out, "filled.xlsx")}, strings.NewReader(""), &so, &se); c != 0 {
		t.Errorf("tally check on LibreOffice's file: exit %d\n%s", c, so.String())
	}
}

// What the desk says of an upload is what tally check says of the same
// file under the same name: every broken file of testdata/bad, finding by
// finding.
func TestServeCheckIsTallyCheck(t *testing.T) {
	t.Parallel()
	d := newTestDeskYear(t, 2021)
	d.clock.set(time.Date(2021, 12, 20, 9, 0, 0, 0, web.Beijing))
	o := d.login("office")
	files, _ := filepath.Glob(repo(t, "testdata/bad/*.xls*"))
	if len(files) < 20 {
		t.Fatalf("only %d broken files", len(files))
	}
	type finding struct{ Sheet, Cell, Rule, Severity string }
	cli := func(path string) (jsonCheckFile, []finding) {
		t.Helper()
		var so, se bytes.Buffer
		run([]string{"check", "--json", path}, strings.NewReader(""), &so, &se)
		var out jsonCheck
		if err := json.Unmarshal(so.Bytes(), &out); err != nil || len(out.Files) != 1 {
			t.Fatalf("tally check --json %s: %v\n%s", path, err, se.String())
		}
		var fs []finding
		for _, f := range out.Files[0].Findings {
			fs = append(fs, finding{f.Sheet, f.Cell, f.Rule, f.Severity})
		}
		for _, f := range out.Checks {
			fs = append(fs, finding{f.Sheet, f.Cell, f.Rule, f.Severity})
		}
		return out.Files[0], fs
	}
	compared := 0
	for _, path := range files {
		name := filepath.Base(path)
		first, _ := cli(path)
		dept, period := first.Department, first.Period
		if dept == "" || period == "" {
			dept, period = "czs", "2021-01"
		}
		// tally check on the file under the name the desk reads it by.
		dir := t.TempDir()
		data, _ := os.ReadFile(path)
		canonical := filepath.Join(dir, store.CanonicalName(dept, period))
		os.WriteFile(canonical, data, 0o644)
		want, wantFs := cli(canonical)

		resp, body := d.upload(o, map[string]string{"period": period, "dept": dept}, name, data)
		m := uploadID.FindStringSubmatch(resp.Header.Get("Location"))
		if m == nil {
			t.Errorf("%s: upload %s %s: %s %s", name, dept, period, resp.Status, body)
			continue
		}
		up, err := d.st.Upload(m[1])
		if err != nil {
			t.Fatal(err)
		}
		var rows []struct{ Sheet, Cell, Rule, Severity string }
		json.Unmarshal([]byte(up.Report), &rows)
		var got []finding
		late := false
		for _, r := range rows {
			// Lateness the desk judges by the upload's day (uploaded here
			// in December), tally check by the save date the file records
			// (TestServeUploadPageLateOnce); every other finding is the same.
			if r.Rule == string(reconcile.RuleLateUpload) {
				late = true
				continue
			}
			got = append(got, finding(r))
		}
		if !late {
			t.Errorf("%s: uploaded in December for %s, not late on the desk", name, period)
		}
		if up.Status != want.Status && !(want.Status == "ok" && up.Status == "findings" && len(got) == 0) {
			t.Errorf("%s: desk status %s, tally check %s", name, up.Status, want.Status)
		}
		if diff := cmp.Diff(wantFs, got); diff != "" {
			t.Errorf("%s: the desk's findings differ from tally check's (-check +desk):\n%s", name, diff)
		}
		compared += len(got)
	}
	if compared < len(files) {
		t.Errorf("only %d findings compared over %d broken files", compared, len(files))
	}
	t.Logf("%d files, %d findings the same", len(files), compared)
}

// The whole sample year through the desk: every 2020 file and the history
// years uploaded, the December workbook is the one tally reconcile writes
// over the same files, and the board shows the month the sample leaves
// missing (科技科, August).
func TestServeSampleYear(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("uploads the sample year: skipped with -short")
	}
	d := newTestDesk(t)
	d.clock.set(time.Date(2021, 1, 4, 9, 0, 0, 0, web.Beijing))
	o := d.login("office")
	files, _ := filepath.Glob(repo(t, "testdata/submissions/*.xlsx"))
	dir := t.TempDir()
	n := 0
	for _, path := range files {
		name := filepath.Base(path)
		m := regexp.MustCompile(`^(\d{4}(?:-\d{2})?)-([a-z]+)\.xlsx$`).FindStringSubmatch(name)
		if m == nil || !strings.HasPrefix(m[1], "20") || strings.HasPrefix(m[1], "2021") {
			continue
		}
		// Each month on the 3rd of the next, before the deadline, as its
		// file records it was saved: the desk judges lateness by the upload
		// day, tally reconcile by the saved date, and both find none.
		at := time.Date(2021, 1, 4, 9, 0, 0, 0, web.Beijing)
		if p, err := reconcile.ParsePeriod(m[1]); err == nil && p.IsMonth() {
			at = time.Date(p.Year, time.Month(p.Month)+1, 3, 9, 0, 0, 0, web.Beijing)
		}
		d.clock.set(at)
		data, _ := os.ReadFile(path)
		resp, body := d.upload(o, map[string]string{"period": m[1], "dept": m[2]}, name, data)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: %s %s", name, resp.Status, body)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
		n++
	}
	if n < 60 {
		t.Fatalf("only %d sample files", n)
	}
	d.clock.set(time.Date(2021, 1, 4, 9, 0, 0, 0, web.Beijing))
	cli := filepath.Join(t.TempDir(), "cli.xlsx")
	if code, _, se := runIn(t, dir, "reconcile", "-o", cli, "."); code != exitFindings {
		t.Fatalf("tally reconcile: exit %d %s", code, se)
	}
	code, body := d.get(o, "/office/consolidated?asof=2020-12")
	if code != 200 {
		t.Fatalf("download: %d", code)
	}
	web := filepath.Join(t.TempDir(), "web.xlsx")
	os.WriteFile(web, []byte(body), 0o644)
	if a, b := dump(t, cli, false), dump(t, web, false); a != b {
		t.Errorf("the December workbook differs from tally reconcile's over the same %d files:\n%s", n, cmp.Diff(a, b))
	}
	_, board := d.get(o, "/office?asof=2020-12")
	row := regexp.MustCompile(`(?s)kjk</small></th>(.*?)</tr>`).FindStringSubmatch(board)
	if row == nil || len(regexp.MustCompile(`class="cell missing"`).FindAllString(row[1], -1)) != 1 {
		t.Errorf("科技科's row does not show one missing month")
	}
	_, claims := d.get(o, "/office/claims?asof=2020-12")
	if !strings.Contains(claims, `class="st v-mismatch"`) || !strings.Contains(claims, `class="st v-consistent"`) {
		t.Errorf("the claims page shows no verdicts of the planted kinds")
	}
	// A claim on incomplete data: its value marked partial, no difference,
	// why (TestIncompleteClaimPartialValue for the screen and workbook).
	partial := regexp.MustCompile(`(?s)<tr class="incomplete">.*?</tr>`).FindAllString(claims, -1)
	for _, r := range partial {
		if !strings.Contains(r, "（部分）</td><td class=\"num\"></td>") || !strings.Contains(r, "计算值只含已有数据（部分值），不与报告数比较，不计差额；") {
			t.Errorf("an incomplete claim not shown as partial: %s", r)
		}
	}
	if len(partial) != 5 {
		t.Errorf("%d incomplete claims on the page, want 5", len(partial))
	}
}

// An unreadable file has no template to say whose it is, but its name
// does: 2020-08-tjz.xls sent by 招商办 with September picked is refused
// (422) with the reason, not filed as 招商办's unreadable September
// (newcomer report 7, #13). An unreadable file named for the month and
// department picked is still kept as that month's unreadable return.
func TestServeUnreadableUploadNamedForAnother(t *testing.T) {
	d := newTestDesk(t)
	d.clock.set(time.Date(2020, 10, 3, 10, 0, 0, 0, web.Beijing))
	a := d.login("zsb")
	data, err := os.ReadFile(repo(t, "testdata/bad/legacy.xls"))
	if err != nil {
		t.Fatal(err)
	}
	resp, body := d.upload(a, map[string]string{"period": "2020-09"}, "2020-08-tjz.xls", data)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "所选单位 招商办 与文件名（2020-08-tjz.xls：统计站 2020-08）不符，文件未保存") ||
		!strings.Contains(body, "旧版 .xls") {
		t.Errorf("unreadable upload named for 统计站: %s, want 422 saying so and why it is unreadable\n%s", resp.Status, body)
	}
	resp, body = d.upload(a, map[string]string{"period": "2020-09"}, "2020-08-zsb.xls", data)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "所选报告期 2020-09 与文件名（2020-08-zsb.xls：2020-08）不符，文件未保存") {
		t.Errorf("unreadable upload named for August with September picked: %s, want 422\n%s", resp.Status, body)
	}
	if n := d.countUploads(); n != 0 {
		t.Errorf("%d uploads kept, want none", n)
	}
	o := d.login("office")
	_, board := d.get(o, "/office?asof=2020-09")
	row := regexp.MustCompile(`(?s)zsb</small></th>(.*?)</tr>`).FindStringSubmatch(board)
	if row == nil || !strings.HasSuffix(strings.Join(regexp.MustCompile(`class="cell (\w+)"`).FindAllString(row[1], -1), ","), `class="cell missing"`) {
		t.Errorf("zsb's September is not missing on the board")
	}
	// Named for what was picked: kept, as that month's unreadable file.
	resp, _ = d.upload(a, map[string]string{"period": "2020-09"}, "2020-09-zsb.xls", data)
	if resp.StatusCode == http.StatusUnprocessableEntity {
		t.Errorf("an unreadable file named for the month picked was refused")
	}
	if n := d.countUploads(); n != 1 {
		t.Errorf("%d uploads kept, want the one named for September", n)
	}
}

// The upload page says lateness once, by the upload's day, the board's
// rule (newcomer report 7, #12): a file uploaded after the deadline has
// one 逾期报送 finding by its upload day and no second notice; a file
// uploaded on time whose own save date is after the deadline (a return
// re-saved later, or a clock set wrong) is not late on the page either,
// as it is not on the board.
func TestServeUploadPageLateOnce(t *testing.T) {
	d := newTestDesk(t)
	a := d.login("czs")
	d.clock.set(time.Date(2020, 3, 6, 9, 0, 0, 0, web.Beijing)) // a day after February's deadline
	id := d.mustUpload(a, "2020-02", sampleFile(t, "2020-02-czs.xlsx"))
	_, page := d.get(a, "/uploads/"+id)
	if n := strings.Count(page, "逾期"); n != 1 || !strings.Contains(page, "逾期报送：上传于 2020-03-06，截止日期为 2020-03-05") {
		t.Errorf("the late upload's page says 逾期 %d times, want once, by its upload day:\n%s", n, page)
	}
	if strings.Contains(page, "上传时间晚于") || strings.Contains(page, "文件保存于") {
		t.Errorf("the page says lateness a second way:\n%s", page)
	}
	// Saved (by its own record) on 2026-12-01, uploaded before July's deadline.
	d2 := newTestDeskYear(t, 2021)
	d2.clock.set(time.Date(2021, 8, 3, 9, 0, 0, 0, web.Beijing))
	b := d2.login("tjz")
	id = d2.mustUpload(b, "2021-07", repo(t, "testdata/crafted/column-empty/2021-07-tjz.xlsx"))
	_, page = d2.get(b, "/uploads/"+id)
	if strings.Contains(page, "逾期") {
		t.Errorf("a file uploaded on time is late on its page by its save date:\n%s", page)
	}
	o := d2.login("office")
	if _, board := d2.get(o, "/office?asof=2021-07"); strings.Contains(board, "有错误·逾期") {
		t.Errorf("the board calls the on-time upload late")
	}
}

// A figure typed as text that the sheet's own =SUM skips (a return filled
// in LibreOffice Calc, 内资到位!B5 '1,234.50): its 怎么改 says to make the
// cell a number, not to write a note, and the headline does not say 审核通过
// while the sheet's 合计 is short (newcomer report 7, #11).
func TestServeSumSkipsTextAdvice(t *testing.T) {
	d := newTestDeskYear(t, 2021)
	d.clock.set(time.Date(2021, 8, 3, 9, 0, 0, 0, web.Beijing))
	a := d.login("zsb")
	id := d.mustUpload(a, "2021-07", repo(t, "testdata/crafted/sum-skips-text/2021-07-zsb.xlsx"))
	_, page := d.get(a, "/uploads/"+id)
	row := regexp.MustCompile(`(?s)<tr class="warning"><td>内资到位</td><td class="mono">B5</td>.*?</tr>`).FindString(page)
	if !strings.Contains(row, "合计少了 1234.5") || !strings.Contains(row, "把此格改为纯数字") || strings.Contains(row, "说明”栏注明") {
		t.Errorf("the text figure's row does not say to retype it as a number:\n%s", row)
	}
	if strings.Contains(page, "审核通过") || !strings.Contains(page, "已接收，但表中合计公式漏算了 1 个以文本填写的数字，文件中的合计偏小") {
		t.Errorf("the headline does not say the sheet's 合计 is short:\n%s", page)
	}
}

// minimalPDF is a one-page PDF, as a scanner or LibreOffice writes one in
// form: what a department sends as its stamped return (盖章扫描件).
const minimalPDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
	"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

// sheetRows are a workbook sheet's rows, values as stored.
func sheetRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// A stamped scan uploaded after the return (newcomer report 8, #2) is kept
// beside it as an attachment: the return still counts, the month stays
// accepted, and the consolidated figures are those tally reconcile gives
// over the same two files (where the PDF is a companion file). A scan with
// no return yet leaves the month 未报送 and says to upload the .xlsx; a
// .yaml sent by mistake (#10 j) is refused, not kept and not called a CSV.
func TestServeScanBesideReturn(t *testing.T) {
	t.Parallel()
	d := newTestDesk(t)
	a := d.login("czs")
	good := sampleFile(t, "2020-03-czs.xlsx")
	goodID := d.mustUpload(a, "2020-03", good)
	resp, _ := d.upload(a, map[string]string{"period": "2020-03"}, "2020-03-czs.pdf", []byte(minimalPDF))
	m := uploadID.FindStringSubmatch(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("the scan: %s, want it kept", resp.Status)
	}
	_, page := d.get(a, "/uploads/"+m[1])
	for _, want := range []string{"盖章扫描件", "已作为附件保存", "本期计入数字的仍是报表“2020-03-czs.xlsx”", "否（附件，不计入数字）"} {
		if !strings.Contains(page, want) {
			t.Errorf("the scan's page does not say %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "另存为 .xlsx") || strings.Contains(page, "文件无法读取") {
		t.Errorf("the scan's page advises as for a broken workbook:\n%s", page)
	}
	cs, err := d.st.Counting()
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].ID != goodID {
		t.Fatalf("after the scan the counting version is %+v, want the return %s", cs, goodID)
	}
	// The office cannot make the scan count.
	o := d.login("office")
	if resp, err := o.PostForm(d.url+"/office/pick", url.Values{"id": {m[1]}}); err != nil || resp.StatusCode != http.StatusBadRequest {
		t.Errorf("picking the scan: %v %v, want 400", resp, err)
	}
	if _, page := d.get(o, "/office/dept/czs"); !strings.Contains(page, "附件（扫描件，不计入数字）") {
		t.Errorf("the office's list does not call the scan an attachment")
	}
	// A PDF named .xlsx, and a photo: attachments too.
	resp, _ = d.upload(a, map[string]string{"period": "2020-03"}, "2020-03-czs.xlsx", []byte(minimalPDF))
	resp2, _ := d.upload(a, map[string]string{"period": "2020-03"}, "盖章.jpg", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"))
	if resp.StatusCode != http.StatusSeeOther || resp2.StatusCode != http.StatusSeeOther {
		t.Errorf("a PDF named .xlsx: %s; a photo: %s", resp.Status, resp2.Status)
	}
	if cs, _ := d.st.Counting(); len(cs) != 1 || cs[0].ID != goodID {
		t.Errorf("a PDF named .xlsx or a photo displaced the return")
	}
	// The same two files through tally reconcile: the same figures.
	dir := t.TempDir()
	data, _ := os.ReadFile(good)
	os.WriteFile(filepath.Join(dir, "2020-03-czs.xlsx"), data, 0o644)
	os.WriteFile(filepath.Join(dir, "2020-03-czs.pdf"), []byte(minimalPDF), 0o644)
	cli := filepath.Join(t.TempDir(), "cli.xlsx")
	if code, _, stderr := runIn(t, dir, "reconcile", "--as-of", "2020-03", "-o", cli, "."); code > 1 {
		t.Fatalf("tally reconcile: exit %d: %s", code, stderr)
	}
	_, js, _ := runIn(t, dir, "check", "--json", ".")
	if !strings.Contains(string(js), "companion_file") {
		t.Errorf("tally check does not list the PDF as a companion file:\n%s", js)
	}
	code, body := d.get(o, "/office/consolidated?asof=2020-03")
	if code != 200 {
		t.Fatalf("download: %d", code)
	}
	web := filepath.Join(t.TempDir(), "web.xlsx")
	os.WriteFile(web, []byte(body), 0o644)
	a1, b1 := sheetRows(t, cli, "汇总"), sheetRows(t, web, "汇总")
	if diff := cmp.Diff(a1, b1); diff != "" {
		t.Errorf("the desk's 汇总 differs from tally reconcile's over the return and its scan:\n%s", diff)
	}
	if !strings.Contains(fmt.Sprint(b1), "税收收入") {
		t.Errorf("the desk's 汇总 has no 财政所 figures:\n%v", b1)
	}
	// A scan with no return yet: the month stays 未报送, the page says
	// to upload the .xlsx.
	resp, _ = d.upload(a, map[string]string{"period": "2020-02"}, "2020-02-czs.pdf", []byte(minimalPDF))
	m = uploadID.FindStringSubmatch(resp.Header.Get("Location"))
	if m == nil {
		t.Fatalf("a scan alone: %s", resp.Status)
	}
	if _, page := d.get(a, "/uploads/"+m[1]); !strings.Contains(page, "本期还没有报表：请上传填好的 .xlsx 报表") {
		t.Errorf("a scan alone: the page does not ask for the .xlsx:\n%s", page)
	}
	if cs, _ := d.st.Counting(); len(cs) != 1 {
		t.Errorf("a scan alone counts for its month: %d counting", len(cs))
	}
	// A .yaml sent by mistake: refused, not kept, said as what it is.
	before := d.countUploads()
	for _, name := range []string{"tally.yaml", "2020-03-czs.yaml", "notes.txt"} {
		resp, body := d.upload(a, map[string]string{"period": "2020-03"}, name, []byte("departments:\n  - code: czs\n    name: 财政所\n"))
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "不是报表工作簿，文件未保存") ||
			!strings.Contains(body, "是文本文件（"+filepath.Ext(name)+"）") || strings.Contains(body, "CSV") {
			t.Errorf("%s (YAML): %s, want refused as no workbook:\n%s", name, resp.Status, body)
		}
	}
	if d.countUploads() != before {
		t.Errorf("a YAML upload was kept")
	}
	if cs, _ := d.st.Counting(); len(cs) != 1 || cs[0].ID != goodID {
		t.Errorf("a YAML upload displaced the return")
	}
}

// English pages count in English ("1 error", never "1 errors") and use
// its punctuation ("Check result: ", no full-width colon) — newcomer
// report 8, #10 h; the desk's figures carry thousands separators as the
// workbook's do (#10 g).
func TestServeEnglishCountsAndFigures(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	c := &clock{t: time.Date(2021, 4, 3, 10, 0, 0, 0, web.Beijing)}
	srv, st, err := newDesk(&serveOptions{Data: data, Lang: "en", MaxFileMB: 64, Year: 2021, now: c.now}, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.Now, st.Cost = c.now, bcrypt.MinCost
	hs := httptest.NewServer(srv)
	defer hs.Close()
	st.AddUser(nil, "office", store.Office, "", testPassword)
	st.AddUser(nil, "czs", store.Dept, "czs", testPassword)
	d := &desk{t: t, url: hs.URL, st: st, clock: c}
	a := d.login("czs")
	id := d.mustUpload(a, "2021-03", brokenReturn(t, "2021-03-czs.xlsx"))
	_, page := d.get(a, "/uploads/"+id)
	for _, want := range []string{"Check result: ", "1 error: fix it as the table says"} {
		if !strings.Contains(page, want) {
			t.Errorf("the English result page does not say %q:\n%s", want, page)
		}
	}
	for _, bad := range []string{"1 errors", "：", "（"} {
		if strings.Contains(page, bad) {
			t.Errorf("the English result page says %q", bad)
		}
	}
	if _, home := d.get(a, "/dept"); strings.Contains(home, "1 errors") || !strings.Contains(home, "1 error<") {
		t.Errorf("the English uploads list does not say \"1 error\":\n%s", home)
	}
	o := d.login("office")
	if _, page := d.get(o, "/office/dept/czs"); strings.Contains(page, "1 errors") || !strings.Contains(page, "1 error, 0 warnings") {
		t.Errorf("the office's English list does not say \"1 error, 0 warnings\":\n%s", page)
	}
	// The figures: 2021's targets, 100 亿元 and more, are shown in 万元.
	_, prog := d.get(o, "/office/progress?asof=2021-03")
	if !regexp.MustCompile(`class="num">\d{1,3}(?:,\d{3})+(?:\.\d+)? 万元`).MatchString(prog) {
		t.Errorf("the progress page shows no figure with thousands separators:\n%s", prog)
	}
	if m := regexp.MustCompile(`class="num">\d{4,}(?:\.\d+)? 万元`).FindString(prog); m != "" {
		t.Errorf("the progress page shows %q without thousands separators", m)
	}
}

// A 2021 desk with the built-in (2020 report's) spec offers 统计站 the
// 年报 of 2021 and 2020, not the report's history years 2015–2019, which
// tally reconcile --as-of 2021-MM does not expect either (newcomer report
// 8, #9); the report's own year's desk still offers them.
func TestServeLaterYearPeriods(t *testing.T) {
	t.Parallel()
	d := newTestDeskYear(t, 2021)
	d.clock.set(time.Date(2021, 4, 3, 10, 0, 0, 0, web.Beijing))
	_, page := d.get(d.login("tjz"), "/dept")
	for _, y := range []string{"2021", "2020"} {
		if !strings.Contains(page, `<option value="`+y+`"`) {
			t.Errorf("the 2021 desk does not offer 统计站 the %s 年报", y)
		}
	}
	for y := 2015; y <= 2019; y++ {
		if strings.Contains(page, fmt.Sprintf(`<option value="%d"`, y)) {
			t.Errorf("the 2021 desk offers 统计站 the %d 年报", y)
		}
	}
	if !strings.Contains(page, `<option value="2021-03"`) {
		t.Errorf("the 2021 desk does not offer 2021-03")
	}
	d20 := newTestDesk(t)
	if _, page := d20.get(d20.login("tjz"), "/dept"); !strings.Contains(page, `<option value="2015"`) {
		t.Errorf("the 2020 desk no longer offers the history year 2015")
	}
}

// The desk shows times in 北京时间, whatever the server's own zone, as
// tally's save times are: a newcomer saw an upload at the server's UTC
// beside the file's save time in Beijing time, and the upload looked
// earlier than the save.
func TestServeTimesInBeijing(t *testing.T) {
	t.Parallel()
	d := newTestDesk(t)
	d.clock.set(time.Date(2020, 2, 3, 1, 30, 0, 0, time.UTC)) // 09:30 in Beijing
	a := d.login("czs")
	id := d.mustUpload(a, "2020-01", sampleFile(t, "2020-01-czs.xlsx"))
	_, page := d.get(a, "/uploads/"+id)
	if !strings.Contains(page, "上传时间（北京时间）") || !strings.Contains(page, "2020-02-03 09:30:00") {
		t.Errorf("the upload page does not show the upload in Beijing time (2020-02-03 09:30:00):\n%s", page)
	}
}
