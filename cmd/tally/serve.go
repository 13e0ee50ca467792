package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/store"
	"github.com/jingwu/tally/web"
	"github.com/jingwu/tally/workbook"
	"github.com/spf13/cobra"
)

// serveOptions holds the flags of tally serve.
type serveOptions struct {
	spec      specOptions
	Data      string
	Addr      string
	Lang      string
	Year      int
	TLSCert   string
	TLSKey    string
	MaxFileMB int64
	now       func() time.Time // the clock; tests set it
}

func newServeCommand(io streams) *cobra.Command {
	var opts serveOptions
	cmd := &cobra.Command{
		Use:   "serve [flags]",
		Short: "Run the reporting desk: departments download, upload and fix; the office sees the month",
		Long: `Serve the reporting desk on the office's own PC: each department logs in,
downloads its template (prefilled from its last file), uploads its return and
sees at once what tally check finds, at its cells, with the annotated copy;
the office sees 报送情况 (department × month: on time, late, missing, with
errors), the findings, the progress against targets, the report's claims,
and downloads the consolidated workbook as of any month: the one tally
reconcile writes over the files that count.

Everything is kept in the data folder (--data): tally.db (SQLite) and every
uploaded file, unchanged, under its SHA-256. On the first start it creates
the office account and prints its password once.

Without --tls-cert/--tls-key it serves plain HTTP; without --addr it listens
on this computer only (127.0.0.1). Give --addr 0.0.0.0:8080 to serve the
intranet.`,
		Example: `  tally serve
  tally serve --data D:\tally-data --addr 0.0.0.0:8080 --tls-cert cert.pem --tls-key key.pem
  tally serve user add czs --dept czs
  tally serve backup tally-backup.db`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), io, &opts)
		},
	}
	f := cmd.Flags()
	cmd.PersistentFlags().StringVar(&opts.spec.Path, "spec", "", "spec `FILE` (YAML); the built-in 精武镇 2020 spec when empty")
	cmd.PersistentFlags().StringVar(&opts.Data, "data", "tally-data", "the data folder `DIR` (database and uploaded files); created when missing")
	f.StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	f.StringVar(&opts.Lang, "lang", "zh", "language of the pages: zh or en")
	f.IntVar(&opts.Year, "year", 0, "the reporting `YEAR` (default: the spec's year)")
	f.StringVar(&opts.TLSCert, "tls-cert", "", "serve HTTPS with this certificate `FILE` (PEM)")
	f.StringVar(&opts.TLSKey, "tls-key", "", "and this key `FILE` (PEM)")
	f.Int64Var(&opts.MaxFileMB, "max-file-mb", workbook.DefaultLimits.MaxFileBytes>>20, "refuse uploads larger than `MB`")
	cmd.AddCommand(newServeUserCommand(io, &opts), newServeBackupCommand(io, &opts))
	return cmd
}

// serveEngine runs the commands' own functions for the web pages: the
// checks of tally check, the templates of tally template, the workbook of
// tally reconcile.
type serveEngine struct {
	run  runOptions
	spec *reconcile.Spec
	lang reconcile.Lang
	tmp  string // a folder for the commands' outputs
}

func newServeEngine(opts *serveOptions, s *reconcile.Spec, lang reconcile.Lang, tmp string) *serveEngine {
	run := runOptions{spec: opts.spec, Lang: string(lang), Jobs: runtime.NumCPU(),
		MaxFileMB: opts.MaxFileMB, MaxPartMB: workbook.DefaultLimits.MaxPartBytes >> 20}
	return &serveEngine{run: run, spec: s, lang: lang, tmp: tmp}
}

func (e *serveEngine) Spec() *reconcile.Spec { return e.spec }

// with returns the run options reading these files under their names.
func (e *serveEngine) with(files ...web.File) runOptions {
	o := e.run
	o.files = make([]input, len(files))
	for i, f := range files {
		o.files[i] = input{path: f.Path, display: f.Name}
	}
	return o
}

func (e *serveEngine) Check(f web.File, prev *web.File) (web.CheckOutcome, error) {
	files := []web.File{f}
	if prev != nil {
		files = append(files, *prev)
	}
	o := e.with(files...)
	res, _, err := o.consolidateWith(nil, "", reconcile.Options{Check: true, Detail: func(reconcile.Entry) {}}, nil)
	if err != nil {
		return web.CheckOutcome{}, err
	}
	out := web.CheckOutcome{Status: "ok"}
	for _, fl := range checkReport(res, e.lang).Files {
		if fl.File == f.Name {
			out.Status = fl.Status
		}
	}
	inputs := map[string]bool{}
	period := ""
	for _, in := range res.Inputs {
		inputs[in.File] = true
		if in.File == f.Name {
			period = in.Period
		}
	}
	for _, fd := range res.Findings {
		// Its own findings, and those of no one file (rules over totals)
		// for its period; last month's file's own are not this upload's.
		if fd.File == f.Name || !inputs[fd.File] && (fd.Period == "" || fd.Period == period) {
			out.Findings = append(out.Findings, fd)
		}
	}
	if len(out.Findings) > 0 && out.Status == "ok" {
		out.Status = "findings"
	}
	return out, nil
}

// Annotate writes the copy tally check --annotate writes (annotateOne) into
// a folder of its own and copies it out.
func (e *serveEngine) Annotate(f web.File, findings []reconcile.Finding, w io.Writer) error {
	dir, err := os.MkdirTemp(e.tmp, "annotate-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	dst := filepath.Join(dir, f.Name)
	if err := annotateOne(f.Path, dst, findings, e.lang, e.run.limits()); err != nil {
		return err
	}
	return copyOut(w, dst)
}

// Template runs tally template --period P --dept D [--from FOLDER] into a
// folder of its own and copies the file out.
func (e *serveEngine) Template(dept string, p reconcile.Period, from *web.File, w io.Writer) error {
	dir, err := os.MkdirTemp(e.tmp, "template-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	opts := templateOptions{spec: e.run.spec, Period: p.String(), Depts: []string{dept}, Output: dir}
	if from != nil {
		opts.From = filepath.Dir(from.Path) // the upload's own folder: just that file
	}
	if err := runTemplate(streams{Out: io.Discard, Err: io.Discard}, &opts); err != nil {
		return err
	}
	return copyOut(w, filepath.Join(dir, store.CanonicalName(dept, p.String())))
}

func (e *serveEngine) Reconcile(files []web.File, asOf reconcile.Period) (*reconcile.Result, error) {
	o := e.with(files...)
	o.AsOf = asOf.String()
	res, _, err := o.consolidate(nil, "")
	return res, err
}

// Workbook runs tally reconcile --as-of M -o FILE over the files and copies
// the workbook out.
func (e *serveEngine) Workbook(files []web.File, asOf reconcile.Period, w io.Writer) error {
	dir, err := os.MkdirTemp(e.tmp, "reconcile-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	opts := reconcileOptions{runOptions: e.with(files...), Output: filepath.Join(dir, "consolidated.xlsx")}
	opts.AsOf = asOf.String()
	if err := runReconcile(streams{Out: io.Discard, Err: io.Discard}, &opts, nil); err != nil && !errors.Is(err, errFindings) {
		return err
	}
	return copyOut(w, opts.Output)
}

func copyOut(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

func (o *serveOptions) lang() (reconcile.Lang, error) {
	lang := reconcile.Lang(o.Lang)
	if lang != reconcile.Chinese && lang != reconcile.English {
		return "", usagef("--lang %q: want zh or en", o.Lang)
	}
	return lang, nil
}

// newDesk opens the data folder and builds the server, as tally serve
// runs it; tests call it too.
func newDesk(opts *serveOptions, logf func(string, ...any)) (*web.Server, *store.Store, error) {
	lang, err := opts.lang()
	if err != nil {
		return nil, nil, err
	}
	if opts.MaxFileMB < 1 {
		return nil, nil, usagef("--max-file-mb %d: want at least 1", opts.MaxFileMB)
	}
	s, _, _, err := opts.spec.load()
	if err != nil {
		return nil, nil, err
	}
	st, err := store.Open(opts.Data)
	if err != nil {
		return nil, nil, err
	}
	srv, err := web.New(web.Config{Store: st, Engine: newServeEngine(opts, s, lang, filepath.Join(opts.Data, "tmp")),
		Lang: lang, Year: opts.Year, MaxUpload: opts.MaxFileMB << 20, Secure: opts.TLSCert != "", Logf: logf, Now: opts.now})
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return srv, st, nil
}

func runServe(ctx context.Context, io streams, opts *serveOptions) error {
	if (opts.TLSCert == "") != (opts.TLSKey == "") {
		return usagef("--tls-cert and --tls-key go together")
	}
	logf := func(format string, args ...any) {
		fmt.Fprintf(io.Err, time.Now().Format("2006-01-02 15:04:05 ")+format+"\n", args...)
	}
	srv, st, err := newDesk(opts, logf)
	if err != nil {
		return err
	}
	defer st.Close()
	st.CleanTmp()
	password, err := firstOffice(st)
	if err != nil {
		return err
	}
	var tlsConfig *tls.Config
	if opts.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(opts.TLSCert, opts.TLSKey)
		if err != nil {
			return fmt.Errorf("read --tls-cert/--tls-key: %w", err)
		}
		tlsConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", opts.Addr, err)
	}
	scheme := "http"
	if tlsConfig != nil {
		scheme = "https"
		ln = tls.NewListener(ln, tlsConfig)
	}
	addr := ln.Addr().(*net.TCPAddr)
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	url := fmt.Sprintf("%s://%s/", scheme, net.JoinHostPort(host, fmt.Sprint(addr.Port)))
	abs, _ := filepath.Abs(opts.Data)
	fmt.Fprintf(io.Out, "tally serve: %s\n", url)
	fmt.Fprintf(io.Out, "data folder: %s\n", abs)
	if addr.IP.IsLoopback() {
		fmt.Fprintln(io.Out, "listening on this computer only (loopback); --addr 0.0.0.0:8080 serves the intranet")
	} else {
		fmt.Fprintf(io.Out, "listening on %s: reachable from the network", addr)
		if tlsConfig == nil {
			fmt.Fprint(io.Out, " over plain HTTP (passwords cross the network unencrypted; use --tls-cert/--tls-key)")
		}
		fmt.Fprintln(io.Out)
	}
	if password != "" {
		fmt.Fprintf(io.Out, "office account: office, password (shown this once): %s\n", password)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 10 * time.Minute,
		WriteTimeout: 10 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	fmt.Fprintln(io.Out, "tally serve: stopping")
	return hs.Shutdown(shut)
}

// firstOffice creates the office account when there is no account at all,
// and returns its password; "" when accounts exist.
func firstOffice(st *store.Store) (string, error) {
	n, err := st.CountUsers()
	if err != nil || n > 0 {
		return "", err
	}
	pw := store.RandomPassword()
	if _, err := st.AddUser(nil, "office", store.Office, "", pw); err != nil {
		return "", err
	}
	return pw, nil
}

func newServeUserCommand(io streams, opts *serveOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "user",
		Short: "Manage the desk's accounts from the command line",
	}
	var dept string
	var office, stdin bool
	add := &cobra.Command{
		Use:   "add NAME (--dept CODE | --office)",
		Short: "Create an account and print its password (or read it with --password-stdin)",
		Args:  args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if office == (dept != "") {
				return usagef("give --dept CODE or --office")
			}
			role := store.Dept
			if office {
				role = store.Office
			} else {
				s, _, _, err := opts.spec.load()
				if err != nil {
					return err
				}
				if _, ok := s.Department(dept); !ok {
					return usagef("--dept %s: no such department (tally template --list shows them)", dept)
				}
			}
			return withStore(opts, func(st *store.Store) error {
				pw, shown, err := password(io, stdin)
				if err != nil {
					return err
				}
				if _, err := st.AddUser(nil, a[0], role, dept, pw); err != nil {
					return err
				}
				fmt.Fprintf(io.Out, "created %s\n", a[0])
				if shown {
					fmt.Fprintf(io.Out, "password (shown this once): %s\n", pw)
				}
				return nil
			})
		},
	}
	add.Flags().StringVar(&dept, "dept", "", "the department `CODE` the account reports for")
	add.Flags().BoolVar(&office, "office", false, "an office account: sees everything, manages accounts")
	add.Flags().BoolVar(&stdin, "password-stdin", false, "read the password from stdin instead of making one")
	var resetStdin bool
	reset := &cobra.Command{
		Use:   "reset NAME",
		Short: "Set a new password (printed, or read with --password-stdin) and enable the account",
		Args:  args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return withStore(opts, func(st *store.Store) error {
				pw, shown, err := password(io, resetStdin)
				if err != nil {
					return err
				}
				if err := st.SetPassword(nil, a[0], pw); err != nil {
					return err
				}
				fmt.Fprintf(io.Out, "reset %s\n", a[0])
				if shown {
					fmt.Fprintf(io.Out, "password (shown this once): %s\n", pw)
				}
				return nil
			})
		},
	}
	reset.Flags().BoolVar(&resetStdin, "password-stdin", false, "read the password from stdin instead of making one")
	disable := &cobra.Command{
		Use:   "disable NAME",
		Short: "Disable an account and end its sessions",
		Args:  args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return withStore(opts, func(st *store.Store) error {
				if err := st.Disable(nil, a[0]); err != nil {
					return err
				}
				fmt.Fprintf(io.Out, "disabled %s\n", a[0])
				return nil
			})
		},
	}
	list := &cobra.Command{
		Use:   "list",
		Short: "List the accounts",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, a []string) error {
			return withStore(opts, func(st *store.Store) error {
				users, err := st.Users()
				if err != nil {
					return err
				}
				for _, u := range users {
					state := "active"
					if u.Disabled {
						state = "disabled"
					}
					fmt.Fprintf(io.Out, "%s\t%s\t%s\t%s\n", u.Name, u.Role, u.Dept, state)
				}
				return nil
			})
		},
	}
	cmd.AddCommand(add, reset, disable, list)
	return cmd
}

// password reads one from stdin, or makes one to be shown.
func password(io streams, stdin bool) (string, bool, error) {
	if !stdin {
		return store.RandomPassword(), true, nil
	}
	line, err := bufio.NewReader(io.In).ReadString('\n')
	if err != nil && line == "" {
		return "", false, usagef("--password-stdin: no password on stdin")
	}
	return strings.TrimRight(line, "\r\n"), false, nil
}

func withStore(opts *serveOptions, f func(*store.Store) error) error {
	st, err := store.Open(opts.Data)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := f(st); err != nil {
		if errors.Is(err, store.ErrWeakPassword) || errors.Is(err, store.ErrExists) || errors.Is(err, store.ErrNotFound) {
			return usagef("%v", err)
		}
		return err
	}
	return nil
}

func newServeBackupCommand(io streams, opts *serveOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent copy of the database to FILE, also while the desk is serving",
		Long: `Write a consistent copy of tally.db to FILE (SQLite's VACUUM INTO), also while
tally serve is running. The uploaded files are in the data folder's files/
folder, each under its SHA-256 and never changed: copy that folder as it is
(views/ is remade from it when missing).`,
		Args: args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			return withStore(opts, func(st *store.Store) error {
				if err := st.Backup(a[0]); err != nil {
					return err
				}
				fmt.Fprintf(io.Out, "wrote %s\n", a[0])
				return nil
			})
		},
	}
}

// inputs are the files a run reads: those tally serve set, under the names
// it gave them, else the PATH arguments collected.
func (o *runOptions) inputs(paths []string) ([]input, error) {
	if o.files != nil {
		return o.files, nil
	}
	return collect(paths)
}
