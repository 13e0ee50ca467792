package main

import (
	"bufio"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/report"
	"github.com/jingwu/tally/spec"
	"github.com/jingwu/tally/workbook"
	"github.com/spf13/cobra"
)

// runOptions are the flags of every command that reads submissions.
type runOptions struct {
	spec      specOptions
	JSON      bool
	Lang      string
	Jobs      int
	AsOf      string
	MaxFileMB int64
	MaxPartMB int64
	report    string    // set by reconcile --report
	notes     io.Writer // where reconcile --report says how the report was read
	files     []input   // set by tally serve: read these instead of PATH
	// received, set by tally serve, is the day each file was uploaded (by
	// its display name): lateness is judged by it (reconcile.Options.Received).
	received map[string]string
	// checkFiles, when set, sees the inputs before any is read: the place
	// to refuse outputs that would overwrite one.
	checkFiles func([]input) error
}

func (o *runOptions) AddFlags(cmd *cobra.Command, io streams) {
	o.spec.AddFlags(cmd, io)
	f := cmd.Flags()
	f.BoolVar(&o.JSON, "json", false, io.t("以 JSON 格式输出结果", "print the result as JSON on stdout"))
	o.Lang = string(io.Lang) // the root's --lang, or LANG
	f.IntVar(&o.Jobs, "jobs", runtime.NumCPU(), io.t("同时读取的文件`个数`", "read `N` files in parallel"))
	f.StringVar(&o.AsOf, "as-of", "", io.t("汇总截至`年-月`（如 2021-06；默认为所读文件中最晚的月份）",
		"consolidate through `YYYY-MM` (default: the latest month among the inputs' names)"))
	f.Int64Var(&o.MaxFileMB, "max-file-mb", workbook.DefaultLimits.MaxFileBytes>>20, io.t("拒收大于此大小的文件，单位 `MB`", "refuse input files larger than `MB`"))
	f.Int64Var(&o.MaxPartMB, "max-part-mb", workbook.DefaultLimits.MaxPartBytes>>20, io.t("拒收解压后大于此大小的工作表或字符串表，单位 `MB`", "refuse a sheet or string table that unpacks to more than `MB`"))
}

// limits are the size limits the flags set.
func (o *runOptions) limits() workbook.Limits {
	lim := workbook.DefaultLimits
	lim.MaxFileBytes, lim.MaxPartBytes = o.MaxFileMB<<20, o.MaxPartMB<<20
	return lim
}

// lang checks and returns the --lang flag.
func (o *runOptions) lang() (reconcile.Lang, error) {
	lang := reconcile.Lang(o.Lang)
	if lang != reconcile.Chinese && lang != reconcile.English {
		return "", usage(msg{"--lang “{value}”：应为 zh（中文）或 en（英文）", "--lang \"{value}\": want zh or en"}, fields{"value": o.Lang})
	}
	return lang, nil
}

// consolidate reads the submissions under paths and consolidates them. out,
// when set, is checked not to be one of the inputs.
func (o *runOptions) consolidate(paths []string, out string) (*reconcile.Result, string, error) {
	return o.consolidateWith(paths, out, reconcile.Options{Detail: func(*reconcile.Entry) {}}, nil)
}

// consolidateWith is consolidate with options; onSpec, when set, is called
// with the spec before any file is read.
func (o *runOptions) consolidateWith(paths []string, out string, opt reconcile.Options, onSpec func(*reconcile.Spec, *reconcile.Options) error) (*reconcile.Result, string, error) {
	if o.Jobs < 1 {
		return nil, "", usage(msg{"--jobs {n}：至少为 1", "--jobs {n}: want at least 1"}, fields{"n": o.Jobs})
	}
	if o.MaxFileMB < 1 || o.MaxPartMB < 1 {
		return nil, "", usage(msg{"大小限制至少为 1 MB", "size limits must be at least 1 MB"}, nil)
	}
	if o.AsOf != "" {
		p, ok := parsePeriodFlag(o.AsOf)
		if !ok || !p.IsMonth() {
			return nil, "", usage(msg{"--as-of “{value}”：应为月份，如 2021-06", "--as-of \"{value}\": want a month YYYY-MM"}, fields{"value": o.AsOf})
		}
		opt.AsOf = p
	}
	s, _, specName, err := o.spec.load()
	if err != nil {
		return nil, "", err
	}
	if o.report != "" {
		lines, note, err := readReport(o.report)
		if err != nil {
			return nil, "", err
		}
		if o.notes != nil {
			noteReport(o.notes, note, o.report, reconcile.Lang(o.Lang))
		}
		// The report given replaces the spec's own claims (read from the
		// report the spec was written from): a figure is checked as this
		// report words it, each with its own interval, and nothing of
		// another report is mixed in.
		found := report.Extract(lines, report.Options{Year: s.Year})
		s.Claims = report.Map(found, s)
		s.ClaimsFrom.Report = filepath.Base(o.report)
		if n := reportYearNote(report.ReadYear(lines), s.Year); n != nil {
			s.ClaimsFrom.YearNote = *n
		}
	}
	s.ClaimsFrom.Spec = filepath.Base(specName)
	if specName == spec.DefaultName {
		s.ClaimsFrom.Spec, s.ClaimsFrom.BuiltIn = strings.TrimPrefix(spec.DefaultName, "(built-in) "), true
	}
	files, err := o.inputs(paths)
	if err != nil {
		return nil, "", err
	}
	collected := o.files == nil
	files, skipped := notSubmissions(files, s, o.limits(), o.spec.Path, o.report)
	if collected && len(files) == 0 {
		return nil, "", noFiles(paths)
	}
	if out != "" {
		// The output may replace an earlier run's consolidated workbook
		// among the inputs (saved in the folder being read): that is not
		// a submission, and it is skipped below.
		if err := checkOutput(out, files); err != nil {
			if !workbook.Identify(out, out, s, o.limits()).Consolidated {
				return nil, "", err
			}
			// The file this run replaces is not one of its inputs: the
			// same command twice reads the same files.
			files = withoutFile(files, out)
		}
	}
	if o.checkFiles != nil {
		if err := o.checkFiles(files); err != nil {
			return nil, "", err
		}
	}
	if opt.Now == "" {
		opt.Now = runClock()
	}
	if p, ok := identifyOrder(files, s, o.Jobs, o.limits(), opt.Now); ok && opt.AsOf.Year == 0 {
		opt.AsOf = p
	}
	// Every caller's Detail discards, unless onSpec sets one (reconcile
	// -o), which sets its stage too and wants the entries.
	opt.Stage = func() reconcile.DetailStage { return reconcile.DiscardStage{} }
	opt.NoDetail = true
	if onSpec != nil {
		if err := onSpec(s, &opt); err != nil {
			return nil, "", err
		}
	}
	lim := o.limits()
	opt.MaxFindingsPerFile, opt.MaxFindingText = lim.MaxFindings, lim.MaxFindingText
	if opt.Received == nil {
		opt.Received = o.received
	}
	// Past reconcile.MemMonthValues row figures the departments' months
	// kept for the checks across months wait on disk: memory stays flat
	// with the number of departments.
	opt.SpillMonths = true
	l := reconcile.NewLedger(s, opt)
	defer l.Close()
	// An earlier run's consolidated workbook among the inputs is listed
	// with an info finding, not read as a submission; so are an annotated
	// copy (an --annotate folder kept inside the returns') and a template
	// nobody filled (template -o kept there).
	read := files[:0:0]
	for _, in := range files {
		if in.named {
			l.MarkNotSpreadsheet(in.display)
		}
		switch {
		case in.consolidated:
			l.AddOwnWorkbook(in.display)
		case in.annotated && in.walked:
			// A copy named (check returned/x.xlsx) is read as asked; so
			// are the files the desk stores, what departments uploaded.
			l.AddAnnotatedCopy(in.display)
		case in.unfilled && in.walked:
			l.AddUnfilledTemplate(in.display)
		default:
			read = append(read, in)
		}
		for _, p := range in.links {
			l.AddSameFile(p, in.display)
		}
	}
	files = read
	bar := o.progress(len(files))
	var streamErr error
	// One worker reads at most one file ahead of the ledger. Streaming
	// every file instead (in the ledger's goroutine, one row at a time,
	// its cells' buffer reused) does less work and holds less per core, for
	// the loss of that one file's overlap; with -o a file's detail waits in
	// the stage, in memory up to its spoolMem entries (a file of a few
	// thousand rows), until the file is committed.
	streamAll := o.Jobs == 1
	readEach(files, s, o.Jobs, o.limits(), streamAll, bar, func(sub *reconcile.Submission) { l.Add(sub) }, func(in input) {
		if err := streamOne(in, s, lim, l); err != nil && streamErr == nil {
			streamErr = err
		}
	})
	if err := l.Err(); err != nil {
		return nil, "", fail(msg{"无法保存跨月核对的临时文件", "cannot keep the temporary file of the checks across months"}, nil, err)
	}
	if streamErr != nil {
		return nil, "", fail(msg{"无法保存明细的临时文件", "cannot keep the detail's temporary file"}, nil, streamErr)
	}
	for _, f := range skipped {
		l.AddNotSubmission(f)
	}
	return l.Result(), specName, nil
}

// reconcileOptions holds the flags of tally reconcile.
type reconcileOptions struct {
	runOptions
	Output string
	Report string
	Force  bool
	show   showOptions // 舍位平衡, as merge has it
}

func (o *reconcileOptions) AddFlags(cmd *cobra.Command, io streams) {
	o.runOptions.AddFlags(cmd, io)
	cmd.Flags().StringVarP(&o.Output, "output", "o", "", io.t("把汇总工作簿写入`文件`（.xlsx；文件夹不存在时自动创建）", "write the consolidated workbook to `FILE` (.xlsx; folders made as needed)"))
	cmd.Flags().BoolVar(&o.Force, "force", false, io.t("覆盖已有的 -o 文件，即使它不是 tally 写出的汇总工作簿", "overwrite an existing -o file even when it is not a consolidated workbook tally wrote"))
	cmd.Flags().StringVar(&o.Report, "report", "", io.t("同时核对工作报告`文件`（文本或 .docx）中的每个数字", "also check every figure of the work report in `FILE` (text or .docx)"))
	o.show.AddFlags(cmd, io, false)
}

func newReconcileCommand(io streams) *cobra.Command {
	var opts reconcileOptions
	cmd := &cobra.Command{
		Use:   io.t("reconcile [选项] 路径...", "reconcile [flags] PATH..."),
		Short: io.t("汇总报送的表格，并核对报告中的数字", "Consolidate submissions and check the report's figures against them"),
		Long: io.t(`读取“路径”下的每个报送文件（文件，或递归读取文件夹），逐格审核，按指标、
部门和月份精确汇总，并把报告中的每个数字（规格中的 claims）与汇总结果核对。

每个数字得出一个结论：一致、不符、无数据，或数据不完整（所依赖的报送缺失或有被拒收
的行）。每一行输入数据要么被汇总，要么被拒收并列为问题。

--as-of 年-月 汇总当年截至该月的数据，并对有目标的指标计算本年累计、完成率、序时进度、
差距、滞后和同比（与上年同期相同月份比较）。某月数据不完整时，完成率等按已完整的月份
计算并注明缺哪些单位哪些月份。报告期在该月之后的文件列出但不汇总。不给 --as-of 时取
所读文件中最晚的月份。

--report 文件 同时读取工作报告本身：其中每个数字按名称和别名对应到指标并核对；
没有指标对应的数字列为“未对应指标”。

退出状态：0 报告数字全部一致且没有错误；1 其他情况；2 tally 无法完成工作。`,
			`Read every submission under PATH (files, or folders read recursively), check
every cell, consolidate exactly per indicator, department and month, and check
each figure of the report (the spec's claims) against the consolidated values.

Each claim gets a verdict: consistent, mismatch, no data, or incomplete (a
submission it depends on was missing or had rejected rows). Every input row is
either consolidated or rejected with a finding.

With --as-of YYYY-MM it consolidates that year through that month and measures
each indicator with a target: year to date, completion, time elapsed, the
gap, lagging, and year on year against the same months of the previous year. When a month is
incomplete they are measured on the whole months and the missing
department-months are named. Files for later months are listed and not
consolidated. Without --as-of, the latest month among the inputs.

With --report FILE the work report itself is read too: every figure it states
is mapped to an indicator by name and alias and checked like the spec's
claims; figures no indicator measures are listed as unmapped.

Exit status: 0 when every claim is consistent and no finding is an error,
1 otherwise, 2 when tally could not run.`),
		Example: `  tally reconcile testdata/submissions -o consolidated.xlsx
  tally reconcile --as-of 2021-06 testdata/submissions -o progress-2021-06.xlsx
  tally reconcile --json testdata/submissions > result.json
  tally reconcile --spec town.yaml --lang en -o out.xlsx returns/`,
		Args: args(cobra.MinimumNArgs(1), needPaths),
		RunE: func(cmd *cobra.Command, paths []string) error {
			return runReconcile(io, &opts, paths)
		},
	}
	opts.AddFlags(cmd, io)
	return cmd
}

func runReconcile(io streams, opts *reconcileOptions, paths []string) error {
	lang, err := opts.lang()
	if err != nil {
		return err
	}
	if opts.Output != "" && !strings.EqualFold(filepath.Ext(opts.Output), ".xlsx") {
		return usage(msg{"-o {path}：工作簿的文件名须以 .xlsx 结尾", "-o {path}: the workbook's name must end in .xlsx"}, fields{"path": opts.Output})
	}
	if opts.Output != "" {
		// Last month's workbook, as tally wrote it, is replaced; one
		// edited since, or any other file, only with --force. Said after
		// the refusal of an input (checkOutput), which --force never
		// overrides.
		opts.checkFiles = func([]input) error { return refuseExisting(opts.Output, opts.Force, ownWorkbook) }
	}
	opts.report, opts.notes = opts.Report, io.Err
	show, err := opts.show.parse()
	if err != nil {
		return err
	}
	// The detail goes only into the workbook: formatted and compressed into
	// a temporary file as the run goes, spliced into the workbook at the end.
	var detail *workbook.Detail
	untrackDetail := func() {}
	defer func() {
		if detail != nil {
			detail.Close()
		}
		untrackDetail()
	}()
	var withDetail func(*reconcile.Spec, *reconcile.Options) error // the spec names the detail's indicators
	if opts.Output != "" {
		withDetail = func(s *reconcile.Spec, opt *reconcile.Options) error {
			// The detail is written next to the workbook as the run goes;
			// its folder is made now, after every refusal (checkOutput).
			if err := ensureDir(filepath.Dir(opts.Output)); err != nil {
				return err
			}
			var err error
			if detail, err = workbook.NewDetail(filepath.Dir(opts.Output), s, lang); err != nil {
				return err
			}
			untrackTmp, untrackSpool := trackTemp(detail.TempName()), trackTemp(detail.SpoolName())
			untrackDetail = func() { untrackTmp(); untrackSpool() }
			opt.Detail, opt.Stage, opt.NoDetail = detail.Add, detail.Stage, false
			return nil
		}
	}
	res, specName, err := opts.consolidateWith(paths, opts.Output, reconcile.Options{Detail: func(*reconcile.Entry) {}}, withDetail)
	if err != nil {
		return err
	}
	if opts.Output != "" {
		meta := workbook.Meta{Spec: specLabel(io, specName), Lang: lang, Detail: detail, Show: show}
		if err := writeWorkbook(opts.Output, res, meta); err != nil {
			return err
		}
	}
	if opts.JSON {
		if err := writeJSON(io.Out, res, lang); err != nil {
			return err
		}
	} else {
		printSummary(io.Out, res, lang, opts.Output)
	}
	if !res.Clean() {
		return errFindings
	}
	return nil
}

// input is a file to read: its path on disk and its name as the user gave
// it. problem, when set, says why it is not read at all (not a regular
// file, an unreadable folder): it becomes that input's finding.
type input struct {
	path, display string
	problem       error
	folder        bool
	// consolidated: a consolidated workbook tally wrote (identifyOrder
	// says), listed and not read as a submission.
	consolidated bool
	// annotated: an annotated copy tally wrote that nobody has saved
	// since (identifyOrder says): found by a folder walk (walked), it is
	// listed and not read as a return; named, it is read as one.
	annotated bool
	// unfilled: a template tally template wrote that nobody has filled in
	// (identifyOrder says): found by a folder walk, listed and not read.
	unfilled bool
	// walked: found by walking a folder given, not named itself.
	walked bool
	// other: a file a folder walk found that is no spreadsheet by its
	// name (a .csv, a .docx, notes): read as a return when its name is a
	// submission's, else listed as skipped (notSubmissions).
	other bool
	// named: an other file named as a submission, read as one
	// (reconcile.Ledger.MarkNotSpreadsheet).
	named bool
	// links are the other paths to the same file (hard or symbolic
	// links), which is read once; identifyOrder puts the one named as
	// issued in path, the others here.
	links []string
}

// osFile are the files an operating system keeps in folders by itself,
// which no one sent: not listed.
var osFile = map[string]bool{"thumbs.db": true, "desktop.ini": true, "ehthumbs.db": true}

// collect expands PATH arguments: files as given, folders walked in lexical
// order (skipping Excel's ~$ lock files, dot files and the system's own);
// a file a walk finds that is no spreadsheet by its name is marked other.
// A PATH that does not exist is an error (a typo); below it, a folder that
// cannot be read and a file that is not a regular file (a FIFO, a device,
// a socket) are inputs with a problem, reported and not opened, and the
// walk goes on. The same file reached by two paths (a link) is read once.
func collect(paths []string) ([]input, error) {
	var out []input
	seen := newSeenFiles()
	add := func(p string, st os.FileInfo) {
		if st != nil {
			if i, isNew := seen.add(st, len(out)); !isNew {
				// The same path again (given twice, or a file given and
				// its folder): nothing to say. Another path to a file
				// already listed (a hard or symbolic link): read once,
				// under the name identifyOrder chooses, the others said.
				if filepath.Clean(p) != filepath.Clean(out[i].path) && !slices.ContainsFunc(out[i].links, func(l string) bool { return filepath.Clean(l) == filepath.Clean(p) }) {
					out[i].links = append(out[i].links, p)
				}
				return
			}
		}
		in := input{path: p, display: p}
		if st != nil && !st.Mode().IsRegular() {
			in.problem = notRegular(st.Mode())
		}
		out = append(out, in)
	}
	// Every path given that cannot be read is said, not only the first.
	var missing failures
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			missing = append(missing, fail(msg{"无法读取 {path}", "read {path}"}, fields{"path": p}, unwrapPath(err)))
		}
	}
	switch len(missing) {
	case 0:
	case 1:
		return nil, missing[0]
	default:
		return nil, missing
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fail(msg{"无法读取 {path}", "read {path}"}, fields{"path": p}, unwrapPath(err))
		}
		if !st.IsDir() {
			add(p, st)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				// A folder (or the entry) that cannot be read: one input
				// with its cause; the rest of the walk goes on.
				out = append(out, input{path: path, display: path, problem: err, folder: d == nil || d.IsDir()})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || strings.HasPrefix(name, "~$") || osFile[strings.ToLower(name)] {
				return nil
			}
			// Lstat from the walk does not follow a link: Stat does, so a
			// link to a FIFO is refused like the FIFO.
			st, err := os.Stat(path)
			if err != nil {
				out = append(out, input{path: path, display: path, problem: err})
				return nil
			}
			if st.IsDir() {
				// A link to a folder: said as a folder not read. It was
				// skipped as "no spreadsheet", its files unmentioned.
				out = append(out, input{path: path, display: path, problem: workbook.ErrFolderLink, folder: true})
				return nil
			}
			add(path, st)
			if len(out) > 0 && out[len(out)-1].path == path {
				out[len(out)-1].walked = true
				out[len(out)-1].other = !workbook.IsSpreadsheet(name)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// readAll reads the files and returns every submission, in file order,
// each held whole: a file with more data rows than Limits.MaxRowsPerFile is
// refused (template --from, which holds them to prefill).
func readAll(files []input, s *reconcile.Spec, jobs int, lim workbook.Limits) []reconcile.Submission {
	var subs []reconcile.Submission
	readEach(files, s, jobs, lim, false, nil, func(sub *reconcile.Submission) { subs = append(subs, *sub) }, nil)
	return subs
}

// rowsHeld is how many data rows a worker holds of one file it reads whole
// (about 10 KB each, with the cells' sources and texts). A file with more,
// or larger on disk than inFlightBytes, is not held: it is streamed into
// the ledger row by row in its turn, by the goroutine that consolidates
// (workbook.Stream).
//
// Why two paths: reading a file whole lets the workers read several files
// at once while the ledger adds them in order, which is what a month's
// folder of small department files needs; streaming holds one row at a
// time whatever the file, but must happen in the ledger's order, one file
// at a time. A department's month has hundreds of rows, so the parallel
// path takes nearly every file and the stream the rare large one.
const rowsHeld = 2000

// readEach reads the files with a bounded pool of workers and hands each
// submission to use in file order, whatever the number of workers; at most
// 2×jobs submissions are held at once, so memory does not grow with the
// number of files. A file too large to hold — every file, with
// streamAll — is handed, in its turn, to stream; with stream nil it is
// read whole under the limits (refused past MaxRowsPerFile). done, when
// set, is told after each file.
func readEach(files []input, s *reconcile.Spec, jobs int, lim workbook.Limits, streamAll bool, done func(), use func(*reconcile.Submission), stream func(input)) {
	type result struct {
		i      int
		sub    reconcile.Submission
		stream bool // too large to hold: streamed in its turn
	}
	next := make(chan int)
	results := make(chan result, jobs)
	tokens := make(chan struct{}, 2*jobs) // submissions read but not yet used
	var wg sync.WaitGroup
	for w := 0; w < min(jobs, max(len(files), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if stream == nil {
					results <- result{i: i, sub: readOne(files[i], s, lim)}
					continue
				}
				if files[i].problem == nil && (streamAll || files[i].size() > inFlightBytes) {
					results <- result{i: i, stream: true}
					continue
				}
				sub, whole := readHeld(files[i], s, lim)
				results <- result{i: i, sub: sub, stream: !whole}
			}
		}()
	}
	flight := newInFlight(inFlightBytes)
	weights := make([]int64, len(files)) // written before i is sent, read after its result
	go func() {
		for i := range files {
			tokens <- struct{}{}
			weights[i] = files[i].size()
			flight.acquire(weights[i])
			next <- i
		}
		close(next)
		wg.Wait()
		close(results)
	}()
	pending := map[int]result{}
	want := 0
	for r := range results {
		pending[r.i] = r
		for {
			r, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			if r.stream {
				stream(files[want])
			} else {
				use(&r.sub)
			}
			flight.release(weights[want])
			if done != nil {
				done()
			}
			<-tokens
			want++
		}
	}
}

// writeAtomic writes data to path through a temporary file in the same
// folder and a rename, so a reader never sees half a workbook.
func writeAtomic(path string, data []byte) error {
	return writeAtomicFunc(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

var writeMsg = msg{"无法写入 {path}", "write {path}"}

// ensureDir makes dir and its parents as needed (mkdir -p), saying in one
// line why when it cannot.
func ensureDir(dir string) error {
	if st, err := os.Stat(dir); err == nil {
		if !st.IsDir() {
			return usage(msg{"{path} 是文件，不是文件夹", "{path} is a file, not a folder"}, fields{"path": dir})
		}
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(msg{"无法创建文件夹 {path}", "cannot make the folder {path}"}, fields{"path": dir}, unwrapPath(err))
	}
	return nil
}

// writeAtomicFunc is writeAtomic for output written as it is made. The
// folder is made as needed.
func writeAtomicFunc(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if err := ensureDir(dir); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".tally-*.tmp")
	if err != nil {
		return fail(writeMsg, fields{"path": path}, unwrapPath(err))
	}
	defer trackTemp(tmp.Name())()
	defer os.Remove(tmp.Name())
	pauseWrite()
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err := write(bw); err != nil {
		tmp.Close()
		return fail(writeMsg, fields{"path": path}, err)
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fail(writeMsg, fields{"path": path}, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fail(writeMsg, fields{"path": path}, err)
	}
	if err := tmp.Close(); err != nil {
		return fail(writeMsg, fields{"path": path}, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fail(writeMsg, fields{"path": path}, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail(writeMsg, fields{"path": path}, unwrapPath(err))
	}
	return nil
}

// sortedFindings returns errors first, then warnings, then info, each in
// file order: what to act on comes first on a terminal.
func sortedFindings(fs []reconcile.Finding) []reconcile.Finding {
	rank := map[reconcile.Severity]int{reconcile.Error: 0, reconcile.Warning: 1, reconcile.Info: 2}
	out := append([]reconcile.Finding(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Severity] < rank[out[j].Severity] })
	return out
}

// writeWorkbook writes the consolidated workbook to path atomically, as it
// is made.
func writeWorkbook(path string, res *reconcile.Result, meta workbook.Meta) error {
	return writeAtomicFunc(path, func(w io.Writer) error { return workbook.Write(w, res, meta) })
}

// noFiles: nothing to check or consolidate, most likely the wrong folder.
// Said up front, exit 2, nothing written (not a workbook of every
// department-month "not submitted").
func noFiles(paths []string) error {
	return usage(msg{"在 {paths} 中没有找到报送文件（.xlsx、.xlsm、.ods 或 .xls）", "no submission files (.xlsx, .xlsm, .ods or .xls) in {paths}"}, fields{"paths": strings.Join(paths, " ")})
}

// notSubmissions sorts out the files a folder walk found that are no
// spreadsheet by their name: one named as a submission (2021-07-czs.csv,
// by the spec's periods and departments) is that month's return, read and
// reported as unreadable, saying what it is — never skipped and its month
// then called 未报送; any other (notes, a PDF) is returned among skipped,
// to be listed once with an info finding.
// The run's own spec and report (own), compared as files, are neither.
func notSubmissions(files []input, s *reconcile.Spec, lim workbook.Limits, own ...string) (kept []input, skipped []string) {
	var mine []input
	for _, p := range own {
		if p != "" {
			mine = append(mine, input{path: p, display: p})
		}
	}
	ownFiles := newInputFiles(mine)
	kept = files[:0:0]
	for _, in := range files {
		if _, isOwn := ownFiles.which(in.path); in.other && isOwn {
			continue
		}
		if in.other {
			if id := workbook.Identify(in.path, in.display, s, lim); id.Department == "" || id.Period.Year == 0 {
				skipped = append(skipped, in.display)
				continue
			}
			in.other, in.named = false, true
		}
		kept = append(kept, in)
	}
	return kept, skipped
}

// spreadsheets drops the files a folder walk found that are no
// spreadsheet by their name (for merge and template --from, which read
// workbooks only).
func spreadsheets(files []input) []input {
	out := files[:0:0]
	for _, in := range files {
		if !in.other {
			out = append(out, in)
		}
	}
	return out
}
