package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"io/fs"
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
		Use:   io.t("serve [选项]", "serve [flags]"),
		Short: io.t("运行报送平台：部门下载、上传和修改报表，财政所查看当月情况", "Run the reporting desk: departments download, upload and fix; the office sees the month"),
		Long: io.t(`在财政所自己的电脑上运行报送平台：各单位登录后下载本单位的报表模板（按上月
报送的文件预填），上传填好的报表，立即看到 tally check 在各单元格查出的问题和
标注问题的副本；财政所看到报送情况（单位 × 月份：按时、逾期、未报送、有错误）、
问题清单、目标完成进度和报告数字核对，并可下载任一截至月份的汇总工作簿——与
tally reconcile 对计入的文件写出的相同。

所有数据保存在数据文件夹（--data）中：tally.db（SQLite）和每个上传的原始文件
（按 SHA-256 命名，从不修改）。首次启动时创建财政所账户 office，并只显示一次
其密码。

不给 --tls-cert/--tls-key 时以 HTTP 提供服务；不给 --addr 时只在本机
（127.0.0.1）监听。用 --addr 0.0.0.0:8080 向内网提供服务。`, `Serve the reporting desk on the office's own PC: each department logs in,
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
intranet.`),
		Example: `  tally serve
  tally serve --data D:\tally-data --addr 0.0.0.0:8080 --tls-cert cert.pem --tls-key key.pem
  tally serve user add czs --dept czs
  tally serve backup tally-backup.db`,
		Args: args(cobra.NoArgs, noArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), io, &opts)
		},
	}
	f := cmd.Flags()
	cmd.PersistentFlags().StringVar(&opts.spec.Path, "spec", "", io.t("规格`文件`（YAML）；不给时用内置的精武镇 2020 年规格", "spec `FILE` (YAML); the built-in 精武镇 2020 spec when empty"))
	cmd.PersistentFlags().StringVar(&opts.Data, "data", "tally-data", io.t("数据`文件夹`（数据库和上传的文件）；不存在时创建", "the data folder `DIR` (database and uploaded files); created when missing"))
	f.StringVar(&opts.Addr, "addr", "127.0.0.1:8080", io.t("在`主机:端口`上监听", "listen on `HOST:PORT`"))
	f.StringVar(&opts.Lang, "lang", string(io.Lang), io.t("网页和终端的语言：`zh|en`（中文或英文）", "the language of the pages and the terminal: `zh|en` (Chinese or English)"))
	f.IntVar(&opts.Year, "year", 0, io.t("报送`年度`（默认为规格的年度）", "the reporting `YEAR` (default: the spec's year)"))
	f.StringVar(&opts.TLSCert, "tls-cert", "", io.t("以此证书`文件`（PEM）提供 HTTPS 服务", "serve HTTPS with this certificate `FILE` (PEM)"))
	f.StringVar(&opts.TLSKey, "tls-key", "", io.t("及此私钥`文件`（PEM）", "and this key `FILE` (PEM)"))
	f.Int64Var(&opts.MaxFileMB, "max-file-mb", workbook.DefaultLimits.MaxFileBytes>>20, io.t("拒收大于 `MB` 兆字节的上传文件", "refuse uploads larger than `MB`"))
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
	o.received = map[string]string{}
	for i, f := range files {
		o.files[i] = input{path: f.Path, display: f.Name}
		if f.Received != "" {
			o.received[f.Name] = f.Received
		}
	}
	return o
}

func (e *serveEngine) Check(f web.File, prev *web.File) (web.CheckOutcome, error) {
	files := []web.File{f}
	if prev != nil {
		files = append(files, *prev)
	}
	o := e.with(files...)
	res, _, err := o.consolidateWith(nil, "", reconcile.Options{Check: true, Detail: func(*reconcile.Entry) {}}, nil)
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
	for _, fd := range readingOrder(res) { // as tally check lists them
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
	// The desk keeps an upload under its canonical name, period-dept.xlsx.
	var about workbook.Origin
	if base := strings.TrimSuffix(f.Name, ".xlsx"); len(base) > 8 && base[7] == '-' {
		if d, ok := e.spec.Department(base[8:]); ok {
			about = workbook.Origin{Department: d.Name, Period: base[:7]}
		}
	}
	if err := annotateOne(f.Path, dst, findings, e.lang, e.run.limits(), about); err != nil {
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
		return "", usage(msg{"--lang “{value}”：应为 zh（中文）或 en（英文）", "--lang \"{value}\": want zh or en"}, fields{"value": o.Lang})
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
		return nil, nil, usage(msg{"--max-file-mb {value}：应至少为 1", "--max-file-mb {value}: want at least 1"}, fields{"value": opts.MaxFileMB})
	}
	if opts.Year != 0 && (opts.Year < 1900 || opts.Year > 9999) {
		return nil, nil, usage(msg{"--year {value}：应为报送年度，如 2021", "--year {value}: want the reporting year, e.g. 2021"}, fields{"value": opts.Year})
	}
	s, _, _, err := opts.spec.load()
	if err != nil {
		return nil, nil, err
	}
	st, err := openStore(opts.Data)
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
		return usage(msg{"--tls-cert 和 --tls-key 须同时给出", "--tls-cert and --tls-key go together"}, nil)
	}
	lang, err := opts.lang()
	if err != nil {
		return err
	}
	say := func(m msg, f fields) { fmt.Fprintln(io.Out, reconcile.Fill(m, f, lang)) }
	// The desk's own errors (a page that failed, a request that broke)
	// come in the web package's words: framed in the terminal's language.
	logf := func(format string, args ...any) {
		fmt.Fprintln(io.Err, time.Now().Format("2006-01-02 15:04:05 ")+
			reconcile.Fill(msg{"出错：{detail}", "error: {detail}"}, fields{"detail": fmt.Sprintf(format, args...)}, lang))
	}
	srv, st, err := newDesk(opts, logf)
	if err != nil {
		return err
	}
	defer st.Close()
	st.CleanTmp()
	var tlsConfig *tls.Config
	if opts.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(opts.TLSCert, opts.TLSKey)
		if err != nil {
			return fail(msg{"无法读取证书 {cert} 和私钥 {key}", "read --tls-cert {cert} and --tls-key {key}"}, fields{"cert": opts.TLSCert, "key": opts.TLSKey}, err)
		}
		tlsConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fail(msg{"无法在 {addr} 上监听", "listen on {addr}"}, fields{"addr": opts.Addr}, err)
	}
	defer ln.Close()
	// The office's first password only once the desk can serve: made
	// before a bad certificate or a busy port, it would never be shown.
	password, err := firstOffice(st)
	if err != nil {
		return err
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
	say(msg{"tally 报送平台：{url}", "tally reporting desk: {url}"}, fields{"url": url})
	say(msg{"数据文件夹：{dir}", "data folder: {dir}"}, fields{"dir": abs})
	switch {
	case addr.IP.IsLoopback():
		say(msg{"只在本机监听（回环地址）；用 --addr 0.0.0.0:8080 向内网提供服务", "listening on this computer only (loopback); --addr 0.0.0.0:8080 serves the intranet"}, nil)
	case tlsConfig == nil:
		say(msg{"在 {addr} 上监听，网络中的其他电脑可以访问；使用明文 HTTP（密码以明文在网络上传输，请用 --tls-cert/--tls-key）",
			"listening on {addr}: reachable from the network over plain HTTP (passwords cross the network unencrypted; use --tls-cert/--tls-key)"}, fields{"addr": addr})
	default:
		say(msg{"在 {addr} 上监听，网络中的其他电脑可以访问（HTTPS）", "listening on {addr}: reachable from the network (HTTPS)"}, fields{"addr": addr})
	}
	if password != "" {
		say(msg{"财政所账户：office，密码（只显示这一次）：{password}", "office account: office, password (shown this once): {password}"}, fields{"password": password})
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
		return fail(msg{"报送平台停止服务", "the desk stopped serving"}, nil, err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	say(msg{"tally 报送平台：正在停止", "tally reporting desk: stopping"}, nil)
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
		Use:   io.t("user [命令]", "user"),
		Short: io.t("在命令行管理报送平台的账户", "Manage the desk's accounts from the command line"),
	}
	var dept string
	var office, stdin bool
	add := &cobra.Command{
		Use:   io.t("add 账户名 (--dept 单位代码或名称 | --office)", "add NAME (--dept CODE|NAME | --office)"),
		Short: io.t("创建账户并显示其密码（或用 --password-stdin 从标准输入读取）", "Create an account and print its password (or read it with --password-stdin)"),
		Args:  args(cobra.ExactArgs(1), needAccount),
		RunE: func(cmd *cobra.Command, a []string) error {
			if office == (dept != "") {
				return usage(msg{"请给出 --dept 单位代码 或 --office 之一", "give --dept CODE or --office"}, nil)
			}
			role := store.Dept
			if office {
				role = store.Office
			} else {
				s, _, _, err := opts.spec.load()
				if err != nil {
					return err
				}
				d, ok := findDepartment(s, dept)
				if !ok {
					eg := fields{"dept": dept, "code": "czs", "name": "财政所"}
					if len(s.Departments) > 0 {
						eg["code"], eg["name"] = s.Departments[0].Code, s.Departments[0].Name
					}
					return unknownDept(s, dept, msg{"--dept {dept}：没有这个单位（可用单位代码或名称，如 {code} 或 {name}；tally template --list 列出各单位）",
						"--dept {dept}: no such department (give its code or name, such as {code} or {name}; tally template --list shows them)"}, eg)
				}
				dept = d.Code // the account keeps the code, whichever was given
			}
			fresh := !hasDesk(opts.Data)
			return withNewStore(opts, func(st *store.Store) error {
				pw, shown, err := password(io, stdin)
				if err != nil {
					return err
				}
				if _, err := st.AddUser(nil, a[0], role, dept, pw); err != nil {
					return accountError(err, a[0])
				}
				if fresh {
					// A new desk: said, so a mistyped --data is seen at once
					// (the account is not on the desk the office runs).
					fmt.Fprintln(io.Err, say(io.Lang, msg{"注意：{dir} 中原来没有报送平台，已在其中新建；如果这不是平台的数据文件夹，请检查 --data",
						"note: {dir} held no desk; a new one was set up there; if that is not the desk's data folder, check --data"}, fields{"dir": opts.Data}))
				}
				fmt.Fprintln(io.Out, say(io.Lang, msg{"已创建账户 {name}", "created {name}"}, fields{"name": a[0]}))
				if shown {
					fmt.Fprintln(io.Out, say(io.Lang, shownOnce, fields{"password": pw}))
				}
				return nil
			})
		},
	}
	add.Flags().StringVar(&dept, "dept", "", io.t("账户所属单位的`代码或名称`（如 czs 或 财政所）", "the department the account reports for, by `CODE|NAME` (czs or 财政所)"))
	add.Flags().BoolVar(&office, "office", false, io.t("财政所账户：查看全部，管理账户", "an office account: sees everything, manages accounts"))
	add.Flags().BoolVar(&stdin, "password-stdin", false, io.t("从标准输入读取密码，而不是生成一个", "read the password from stdin instead of making one"))
	var resetStdin bool
	reset := &cobra.Command{
		Use:   io.t("reset 账户名", "reset NAME"),
		Short: io.t("设置新密码（显示出来，或用 --password-stdin 读取）并启用账户", "Set a new password (printed, or read with --password-stdin) and enable the account"),
		Args:  args(cobra.ExactArgs(1), needAccount),
		RunE: func(cmd *cobra.Command, a []string) error {
			return withStore(opts, func(st *store.Store) error {
				pw, shown, err := password(io, resetStdin)
				if err != nil {
					return err
				}
				if err := st.SetPassword(nil, a[0], pw); err != nil {
					return accountError(err, a[0])
				}
				fmt.Fprintln(io.Out, say(io.Lang, msg{"已重设账户 {name} 的密码", "reset {name}"}, fields{"name": a[0]}))
				if shown {
					fmt.Fprintln(io.Out, say(io.Lang, shownOnce, fields{"password": pw}))
				}
				return nil
			})
		},
	}
	reset.Flags().BoolVar(&resetStdin, "password-stdin", false, io.t("从标准输入读取密码，而不是生成一个", "read the password from stdin instead of making one"))
	disable := &cobra.Command{
		Use:   io.t("disable 账户名", "disable NAME"),
		Short: io.t("停用账户并结束其登录", "Disable an account and end its sessions"),
		Args:  args(cobra.ExactArgs(1), needAccount),
		RunE: func(cmd *cobra.Command, a []string) error {
			return withStore(opts, func(st *store.Store) error {
				if err := st.Disable(nil, a[0]); err != nil {
					return accountError(err, a[0])
				}
				fmt.Fprintln(io.Out, say(io.Lang, msg{"已停用账户 {name}", "disabled {name}"}, fields{"name": a[0]}))
				return nil
			})
		},
	}
	list := &cobra.Command{
		Use:   "list",
		Short: io.t("列出账户", "List the accounts"),
		Args:  args(cobra.NoArgs, noArgs),
		RunE: func(cmd *cobra.Command, a []string) error {
			s, _, _, err := opts.spec.load()
			if err != nil {
				return err
			}
			return withStore(opts, func(st *store.Store) error {
				users, err := st.Users()
				if err != nil {
					return err
				}
				if len(users) == 0 {
					return nil
				}
				// A table under a header, every word in the terminal's
				// language: the role as the pages say it, the department
				// by name with its code (the code --dept takes).
				rows := [][]string{{io.t("账户", "account"), io.t("角色", "role"), io.t("单位", "department"), io.t("状态", "state")}}
				for _, u := range users {
					state := msg{"启用", "active"}
					if u.Disabled {
						state = msg{"停用", "disabled"}
					}
					role, dept := msg{"填报单位", "department"}, ""
					if u.Role == store.Office {
						role = msg{"财政所", "office"}
					}
					if u.Dept != "" {
						dept = deptLabel(s, u.Dept, io.Lang)
					}
					rows = append(rows, []string{u.Name, role.In(io.Lang), dept, state.In(io.Lang)})
				}
				printTable(io.Out, rows)
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
		return "", false, usage(msg{"--password-stdin：标准输入中没有密码", "--password-stdin: no password on stdin"}, nil)
	}
	return strings.TrimRight(line, "\r\n"), false, nil
}

// withStore runs f on the desk's store for a command beside the server
// (user reset, disable, list; backup): its database must exist — a
// mistyped --data would otherwise make a new, empty desk (a newcomer's
// trial). Only tally serve and the first user add create one
// (withNewStore).
func withStore(opts *serveOptions, f func(*store.Store) error) error {
	if !hasDesk(opts.Data) {
		return fail(msg{"数据文件夹 {dir} 中没有报送平台的数据库（tally.db）：请检查 --data 是否写对；第一次使用请先运行 tally serve --data {dir} 建立平台",
			"the data folder {dir} holds no desk database (tally.db): check --data; Try: the first time, run tally serve --data {dir} to set the desk up"}, fields{"dir": opts.Data}, nil)
	}
	return withNewStore(opts, f)
}

// hasDesk reports whether dir holds a desk's database.
func hasDesk(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "tally.db"))
	return !errors.Is(err, fs.ErrNotExist)
}

// withNewStore is withStore that may set a new desk up (the first account
// made from the command line).
func withNewStore(opts *serveOptions, f func(*store.Store) error) error {
	st, err := openStore(opts.Data)
	if err != nil {
		return err
	}
	defer st.Close()
	return f(st)
}

// openStore opens the data folder, saying what failed in both languages.
func openStore(dir string) (*store.Store, error) {
	st, err := store.Open(dir)
	if errors.Is(err, store.ErrNewerSchema) {
		return nil, fail(msg{"无法打开数据文件夹 {dir}：其数据库由更新版本的 tally 建立，请使用更新版本的 tally",
			"open the data folder {dir}: its database was made by a newer tally; Try: a newer tally"}, fields{"dir": dir}, nil)
	}
	if errors.Is(err, store.ErrNotDatabase) {
		return nil, fail(msg{"无法打开数据文件夹 {dir}：其中的 tally.db 不是数据库（已损坏，或是另一个同名文件）；可用 tally serve backup 的备份替换它",
			"open the data folder {dir}: its tally.db is not a database (damaged, or another file of that name); Try: replace it with a backup made by tally serve backup"}, fields{"dir": dir}, nil)
	}
	if err != nil {
		if cause := errors.Unwrap(err); cause != nil {
			err = cause // the store's own words name the step: ours do
		}
		return nil, fail(msg{"无法打开数据文件夹 {dir}", "open the data folder {dir}"}, fields{"dir": dir}, err)
	}
	return st, nil
}

// Messages of the desk's accounts.
var (
	needAccount = msg{"请给出一个账户名", "give one account name"}
	shownOnce   = msg{"密码（只显示这一次）：{password}", "password (shown this once): {password}"}
)

// accountError says the store's refusals of an account as the caller's
// mistakes, in both languages.
func accountError(err error, name string) error {
	f := fields{"name": name}
	switch {
	case errors.Is(err, store.ErrWeakPassword):
		return usage(msg{"密码太短：至少 8 个字符", "password shorter than 8 characters"}, nil)
	case errors.Is(err, store.ErrLongPassword):
		return usage(msg{"密码太长：最多 72 字节（约 24 个汉字）", "password longer than 72 bytes"}, nil)
	case errors.Is(err, store.ErrBadName):
		return usage(msg{"账户名“{name}”无效：应为 1–64 个字母、数字、-、_ 或 .", "user name \"{name}\": use 1–64 letters, digits, '-', '_' or '.'"}, f)
	case errors.Is(err, store.ErrExists):
		return usage(msg{"账户 {name} 已存在", "user {name}: already exists"}, f)
	case errors.Is(err, store.ErrNotFound):
		return usage(msg{"没有账户 {name}", "user {name}: not found"}, f)
	}
	return fail(msg{"账户 {name}", "user {name}"}, f, err)
}

func newServeBackupCommand(io streams, opts *serveOptions) *cobra.Command {
	return &cobra.Command{
		Use:   io.t("backup 文件", "backup FILE"),
		Short: io.t("把数据库的一致副本写入“文件”，报送平台运行时也可以", "Write a consistent copy of the database to FILE, also while the desk is serving"),
		Long: io.t(`把 tally.db 的一致副本写入“文件”（SQLite 的 VACUUM INTO），tally serve 运行时
也可以。上传的文件在数据文件夹的 files/ 中，各以其 SHA-256 命名、从不修改：原样
复制该文件夹即可（views/ 缺失时会从中重建）。`, `Write a consistent copy of tally.db to FILE (SQLite's VACUUM INTO), also while
tally serve is running. The uploaded files are in the data folder's files/
folder, each under its SHA-256 and never changed: copy that folder as it is
(views/ is remade from it when missing).`),
		Args: args(cobra.ExactArgs(1), msg{"请给出一个备份文件名", "give one backup FILE"}),
		RunE: func(cmd *cobra.Command, a []string) error {
			return withStore(opts, func(st *store.Store) error {
				if err := st.Backup(a[0]); err != nil {
					if errors.Is(err, store.ErrExists) {
						return usage(msg{"{path} 已存在，未覆盖：请换一个文件名", "{path} already exists; not overwritten: give another name"}, fields{"path": a[0]})
					}
					if cause := errors.Unwrap(err); cause != nil {
						err = cause
					}
					return fail(msg{"无法备份到 {path}", "back up to {path}"}, fields{"path": a[0]}, err)
				}
				fmt.Fprintln(io.Out, say(io.Lang, msg{"已写入 {path}", "wrote {path}"}, fields{"path": a[0]}))
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
	files, err := collect(paths)
	if err == nil && len(files) == 0 {
		return nil, noFiles(paths)
	}
	return files, err
}
