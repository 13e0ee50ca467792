package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"database/sql"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jingwu/tally/store"
	"github.com/jingwu/tally/web"
	"golang.org/x/crypto/bcrypt"
)

// variant returns the workbook at path with a zip comment of its own: the
// same content to read, different bytes (and SHA-256) to store.
func variant(t testing.TB, path string, n int) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return variantBytes(data, n)
}

// variantBytes is variant for a workbook in memory; it may run in any
// goroutine (the workbooks are the repository's own).
func variantBytes(data []byte, n int) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		panic(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, err := zw.CreateRaw(&f.FileHeader)
		if err != nil {
			panic(err)
		}
		r, err := f.OpenRaw()
		if err != nil {
			panic(err)
		}
		io.Copy(w, r)
	}
	zw.SetComment(fmt.Sprintf("tally test upload %d", n))
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return out.Bytes()
}

// postFile uploads data for period with a plain client; it returns the new
// upload's id, or "" when the upload was not acknowledged.
func postFile(c *http.Client, base, period string, data []byte) (string, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("period", period)
	fw, _ := mw.CreateFormFile("file", period+".xlsx")
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", base+"/upload", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	m := uploadID.FindStringSubmatch(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusSeeOther || m == nil {
		return "", fmt.Errorf("upload: %s", resp.Status)
	}
	return m[1], nil
}

func loginAt(t testing.TB, base, name, pw string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: hangLimit(t),
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.PostForm(base+"/login", url.Values{"name": {name}, "password": {pw}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s: %s", name, resp.Status)
	}
	return c
}

// Fifty department clients make 500 uploads at once on loopback: every
// acknowledged upload is stored exactly once (database rows = stored files
// = acknowledged uploads), and none fails. The latency of upload-and-check
// is logged (README: tally serve). -short runs 5 clients × 4 uploads; under
// the race detector 50 clients make 2 uploads each.
func TestServeLoad(t *testing.T) {
	t.Parallel()
	clients, each := 50, 10
	switch {
	case testing.Short():
		clients, each = 5, 4
	case raceDetector:
		clients, each = 50, 2 // all 50 at once, 100 uploads: races, not speed
	}
	d := newTestDesk(t)
	d.clock.set(time.Date(2021, 1, 10, 9, 0, 0, 0, web.Beijing)) // every month of 2020 open
	depts := []string{"czs", "tjz", "zsb", "ldbz", "kjk"}
	type job struct {
		period string
		data   []byte
	}
	jobs := make([][]job, clients)
	for i := range clients {
		dep := depts[i%len(depts)]
		name := fmt.Sprintf("%s-%02d", dep, i)
		if _, err := d.st.AddUser(nil, name, store.Dept, dep, testPassword); err != nil {
			t.Fatal(err)
		}
		for k := range each {
			p := fmt.Sprintf("2020-%02d", k%12+1)
			src := sampleFile(t, p+"-"+dep+".xlsx")
			if _, err := os.Stat(src); err != nil { // a month the sample leaves missing
				// January's file, sent as January's: the desk refuses a
				// file under a period its template is not for.
				p, src = "2020-01", sampleFile(t, "2020-01-"+dep+".xlsx")
			}
			jobs[i] = append(jobs[i], job{p, variant(t, src, i*each+k)})
		}
	}
	cs := make([]*http.Client, clients)
	for i := range clients {
		cs[i] = loginAt(t, d.url, fmt.Sprintf("%s-%02d", depts[i%len(depts)], i), testPassword)
	}
	var mu sync.Mutex
	var acked []string
	var lat []time.Duration
	var errs []error
	var wg sync.WaitGroup
	start := time.Now()
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, j := range jobs[i] {
				t0 := time.Now()
				id, err := postFile(cs[i], d.url, j.period, j.data)
				el := time.Since(t0)
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				} else {
					acked = append(acked, id)
					lat = append(lat, el)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	if len(errs) > 0 {
		t.Fatalf("%d uploads failed, first: %v", len(errs), errs[0])
	}
	total := clients * each
	blobs, _ := filepath.Glob(filepath.Join(d.data, "files", "*", "*"))
	if n := d.countUploads(); len(acked) != total || n != total || len(blobs) != total {
		t.Fatalf("acknowledged %d, database rows %d, stored files %d; want %d each", len(acked), n, len(blobs), total)
	}
	for _, id := range acked {
		if _, err := d.st.Upload(id); err != nil {
			t.Errorf("acknowledged %s: %v", id, err)
		}
	}
	slices.Sort(lat)
	q := func(p float64) time.Duration { return lat[int(p*float64(len(lat)-1))] }
	t.Logf("%d clients, %d uploads in %v: upload-and-check latency p50 %v, p95 %v, max %v",
		clients, total, wall.Round(time.Millisecond), q(.50).Round(time.Millisecond), q(.95).Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond))
}

// startServe runs tally serve as its own process and returns it and its URL.
func startServe(t *testing.T, data string) (*exec.Cmd, string) {
	t.Helper()
	bin, err := exec.LookPath("tally") // the test binary as tally (testscript's TestMain)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--data", data, "--addr", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// In Chinese, the default: its first line the address.
	sc := bufio.NewScanner(out)
	if !sc.Scan() || !strings.HasPrefix(sc.Text(), "tally 报送平台：http://") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("tally serve printed %q", sc.Text())
	}
	base := strings.TrimSuffix(strings.TrimPrefix(sc.Text(), "tally 报送平台："), "/")
	go io.Copy(io.Discard, out)
	return cmd, base
}

// Killing the server with SIGKILL while uploads are under way loses
// nothing acknowledged and leaves nothing half-recorded: the database
// passes PRAGMA integrity_check, every acknowledged upload is there with
// its file, every recorded upload's file has its recorded SHA-256, and the
// server starts again.
func TestServeKillDuringUploads(t *testing.T) {
	t.Parallel()
	if os.Getenv("TALLY_SKIP_SUBPROCESS") != "" {
		t.Skip("TALLY_SKIP_SUBPROCESS is set")
	}
	data := t.TempDir()
	st, err := store.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	st.Cost = bcrypt.MinCost // as newTestDesk
	for _, name := range []string{"office", "czs"} {
		role, dept := store.Dept, "czs"
		if name == "office" {
			role, dept = store.Office, ""
		}
		if _, err := st.AddUser(nil, name, role, dept, testPassword); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	cmd, base := startServe(t, data)
	want := 30
	if testing.Short() {
		want = 8
	}
	files := make([][]byte, 12)
	for m := range files {
		files[m] = variant(t, sampleFile(t, fmt.Sprintf("2020-%02d-czs.xlsx", m+1)), m)
	}
	var mu sync.Mutex
	var acked []string
	enough := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	cs := make([]*http.Client, 6)
	for w := range cs {
		cs[w] = loginAt(t, base, "czs", testPassword)
	}
	for w, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; ; k++ {
				m := (w*7 + k) % 12
				// Unique bytes per upload: the month's file with a comment of its own.
				id, err := postFile(c, base, fmt.Sprintf("2020-%02d", m+1), variantBytes(files[m], w*1000+k))
				if err != nil {
					return // the server is gone
				}
				mu.Lock()
				acked = append(acked, id)
				if len(acked) >= want {
					once.Do(func() { close(enough) })
				}
				mu.Unlock()
			}
		}()
	}
	select {
	case <-enough:
	case <-time.After(hangLimit(t)):
		t.Error("the uploads hang")
	}
	// A backup while the uploads go on: consistent, and holding at least
	// what was acknowledged before it started.
	mu.Lock()
	before := len(acked)
	mu.Unlock()
	backup := filepath.Join(t.TempDir(), "backup.db")
	if out, err := exec.Command(cmd.Path, "serve", "backup", "--data", data, backup).CombinedOutput(); err != nil {
		t.Errorf("tally serve backup while serving: %v\n%s", err, out)
	} else {
		db, err := sql.Open("sqlite", backup)
		if err != nil {
			t.Fatal(err)
		}
		var ok string
		var n int
		db.QueryRow(`PRAGMA integrity_check`).Scan(&ok)
		db.QueryRow(`SELECT count(*) FROM uploads`).Scan(&n)
		db.Close()
		if ok != "ok" || n < before {
			t.Errorf("backup while serving: integrity %q, %d uploads, want at least %d", ok, n, before)
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	wg.Wait()

	st, err = store.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := st.IntegrityCheck(); ok != "ok" || err != nil {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
	all, err := st.AllUploads()
	if err != nil {
		t.Fatal(err)
	}
	recorded := map[string]bool{}
	for _, u := range all {
		recorded[u.ID] = true
		path, _ := st.BlobPath(u.SHA256)
		b, err := os.ReadFile(path)
		sum := sha256.Sum256(b)
		if err != nil || hex.EncodeToString(sum[:]) != u.SHA256 || int64(len(b)) != u.Size {
			t.Errorf("recorded upload %s: its file is missing or not what was recorded (%v)", u.ID, err)
		}
		if _, err := os.Stat(st.ViewPath(u)); err != nil {
			t.Errorf("recorded upload %s: %v", u.ID, err)
		}
	}
	for _, id := range acked {
		if !recorded[id] {
			t.Errorf("acknowledged upload %s is not recorded", id)
		}
	}
	var dangling int
	st.DB().QueryRow(`SELECT count(*) FROM counting c LEFT JOIN uploads u ON u.id = c.upload_id WHERE u.id IS NULL`).Scan(&dangling)
	if dangling != 0 {
		t.Errorf("%d department-months count an upload that is not recorded", dangling)
	}
	t.Logf("%d acknowledged before SIGKILL, %d recorded", len(acked), len(all))
	st.Close()

	cmd, base = startServe(t, data)
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}()
	c := loginAt(t, base, "czs", testPassword)
	resp, err := c.Get(base + "/dept")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, id := range acked {
		if !bytes.Contains(page, []byte(id)) {
			t.Errorf("after the restart, acknowledged upload %s is not listed", id)
		}
	}
	if _, err := postFile(c, base, "2020-01", variantBytes(files[0], 99999)); err != nil {
		t.Errorf("upload after the restart: %v", err)
	}
}

// With --tls-cert/--tls-key the desk serves HTTPS and its session cookie
// is Secure, HttpOnly and SameSite; it says it listens on loopback only.
func TestServeTLS(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "tally test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)

	bin, err := exec.LookPath("tally")
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	cmd := exec.Command(bin, "serve", "--lang", "en", "--data", data, "--addr", "127.0.0.1:0", "--tls-cert", certFile, "--tls-key", keyFile)
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}()
	sc := bufio.NewScanner(out)
	var lines []string
	for len(lines) < 4 && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	go io.Copy(io.Discard, out)
	text := strings.Join(lines, "\n")
	if !strings.HasPrefix(text, "tally reporting desk: https://127.0.0.1:") || !strings.Contains(text, "loopback") {
		t.Fatalf("tally serve printed:\n%s", text)
	}
	m := regexp.MustCompile(`password \(shown this once\): (\S+)`).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("no one-time office password:\n%s", text)
	}
	base := strings.TrimSuffix(strings.TrimPrefix(lines[0], "tally reporting desk: "), "/")
	pool := x509.NewCertPool()
	pool.AddCert(must(x509.ParseCertificate(der)))
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.PostForm(base+"/login", url.Values{"name": {"office"}, "password": {m[1]}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cookie := resp.Header.Get("Set-Cookie")
	for _, want := range []string{"tally_session=", "HttpOnly", "Secure", "SameSite=Strict"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("session cookie %q lacks %s", cookie, want)
		}
	}
	if resp.Header.Get("Strict-Transport-Security") == "" {
		t.Errorf("no HSTS header under TLS")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
