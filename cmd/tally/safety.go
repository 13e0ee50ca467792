package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/workbook"
)

// Inputs are never overwritten. Whether an output would replace an input is
// decided on files, not path strings: os.Stat follows symlinks (a linked
// folder, a link to the file), and os.SameFile compares the device and
// inode (a hard link, or another letter case on a case-insensitive
// filesystem, which Stat resolves to the same file).

// inputFiles identifies the inputs as files.
type inputFiles struct {
	bySize map[int64][]inputFile
}

type inputFile struct {
	display string
	info    os.FileInfo
}

func newInputFiles(files []input) *inputFiles {
	in := &inputFiles{bySize: map[int64][]inputFile{}}
	for _, f := range files {
		if st, err := os.Stat(f.path); err == nil {
			in.bySize[st.Size()] = append(in.bySize[st.Size()], inputFile{f.display, st})
		}
	}
	return in
}

// which returns the input the file at path is, if it is one.
func (in *inputFiles) which(path string) (string, bool) {
	st, err := os.Stat(path)
	if err != nil {
		return "", false
	}
	for _, f := range in.bySize[st.Size()] {
		if os.SameFile(f.info, st) {
			return f.display, true
		}
	}
	return "", false
}

// checkOutput refuses an output file that is one of the inputs.
func checkOutput(output string, files []input) error {
	if in, ok := newInputFiles(files).which(output); ok {
		return usage(msg{"-o {path} 就是输入文件 {input}；tally 从不覆盖输入文件", "-o {path} is the input {input}; inputs are never overwritten"}, fields{"path": output, "input": in})
	}
	return nil
}

// annotateDests gives each input its annotated copy's path under dir: its
// path relative to the folder all inputs share, so copies keep their
// folders and two inputs of the same name do not collide (whatever the
// order of the inputs). Names that still collide, ignoring case (a
// case-insensitive filesystem would make them one file), get " (2)", " (3)"
// in path order. Every destination is checked against every input before
// anything is written.
func annotateDests(files []input, dir string) (map[string]string, error) {
	abs := make([]string, len(files))
	for i, f := range files {
		a, err := filepath.Abs(f.path)
		if err != nil {
			return nil, fmt.Errorf("--annotate: %w", err)
		}
		abs[i] = a
	}
	root := commonDir(abs)
	order := make([]int, len(files))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return abs[order[a]] < abs[order[b]] })
	dests := map[string]string{}
	taken := map[string]bool{}
	for _, i := range order {
		rel, err := filepath.Rel(root, abs[i])
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			rel = filepath.Base(abs[i])
		}
		name := rel
		for n := 2; taken[strings.ToLower(name)]; n++ {
			ext := filepath.Ext(rel)
			name = fmt.Sprintf("%s (%d)%s", strings.TrimSuffix(rel, ext), n, ext)
		}
		taken[strings.ToLower(name)] = true
		dests[files[i].display] = filepath.Join(dir, name)
	}
	known := newInputFiles(files)
	for _, f := range files {
		dst := dests[f.display]
		if in, ok := known.which(dst); ok {
			return nil, usage(msg{"--annotate {dir}：{file} 的标注副本会覆盖输入文件 {input}；tally 从不覆盖输入文件", "--annotate {dir}: the copy of {file} would overwrite the input {input}; inputs are never overwritten"}, fields{"dir": dir, "file": f.display, "input": in})
		}
	}
	return dests, nil
}

// commonDir returns the deepest folder holding every path.
func commonDir(paths []string) string {
	if len(paths) == 0 {
		return "."
	}
	common := filepath.Dir(paths[0])
	for _, p := range paths[1:] {
		for !within(common, p) {
			parent := filepath.Dir(common)
			if parent == common {
				return common
			}
			common = parent
		}
	}
	return common
}

func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// seenFiles remembers the files collected, to read each file once however
// many paths reach it.
type seenFiles struct{ bySize map[int64][]seenFile }

type seenFile struct {
	st os.FileInfo
	i  int // its input's index
}

func newSeenFiles() *seenFiles { return &seenFiles{bySize: map[int64][]seenFile{}} }

// add reports whether st is a file not seen before, and remembers it as
// input i; for a file seen before it returns that input's index.
func (s *seenFiles) add(st os.FileInfo, i int) (int, bool) {
	for _, o := range s.bySize[st.Size()] {
		if os.SameFile(o.st, st) {
			return o.i, false
		}
	}
	s.bySize[st.Size()] = append(s.bySize[st.Size()], seenFile{st, i})
	return i, true
}

// notRegular says what a file that is not a regular file is; it is never
// opened (opening a FIFO waits for a writer forever).
func notRegular(m os.FileMode) error { return workbook.NotRegular(m) }

// Test hooks: testHookAnnotate, nil outside tests, is called with a
// file's path before it is annotated; testPanicRead holds the paths whose
// reading a test makes panic (empty outside tests), by path so that tests
// running in parallel do not meet.
var (
	testHookAnnotate func(path string)
	testPanicRead    sync.Map // path → the panic's value
)

// testHookRead panics when a test asked for the file at path to.
func testHookRead(path string) {
	if v, ok := testPanicRead.Load(path); ok {
		panic(v)
	}
}

// readOne reads one input whole. An input with a problem is reported
// without being opened; a panic while reading is that file's finding, and
// the run goes on with the others.
func readOne(in input, s *reconcile.Spec, lim workbook.Limits) reconcile.Submission {
	sub, _ := read(in, s, func() (reconcile.Submission, bool) {
		return workbook.ReadFile(in.path, in.display, s, lim), true
	})
	return sub
}

// readHeld reads one input whole as readOne does, unless it has more than
// rowsHeld data rows: then it reports false, and the file is to be
// streamed.
func readHeld(in input, s *reconcile.Spec, lim workbook.Limits) (reconcile.Submission, bool) {
	return read(in, s, func() (reconcile.Submission, bool) {
		return workbook.ReadHeld(in.path, in.display, s, lim, rowsHeld)
	})
}

func read(in input, s *reconcile.Spec, readFn func() (reconcile.Submission, bool)) (sub reconcile.Submission, whole bool) {
	base := filepath.Base(in.path)
	if in.problem != nil {
		return workbook.Refused(in.display, base, s, in.problem, in.folder), true
	}
	defer func() {
		if p := recover(); p != nil {
			sub, whole = workbook.Refused(in.display, base, s, workbook.Panicked(p), false), true
		}
	}()
	testHookRead(in.path)
	return readFn()
}

// streamOne streams one input into the ledger (workbook.Stream), in its
// turn. A panic while reading is that file's finding, as in readOne: what
// the file had added is dropped first; a broken invariant of the ledger
// stops the run, as it does for a file added whole. The error is the
// detail's spool's.
func streamOne(in input, s *reconcile.Spec, lim workbook.Limits, l *reconcile.Ledger) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if b, ok := p.(*reconcile.Bug); ok {
				panic(b) // the ledger's own invariant: a bug of the run, as when a file is added whole
			}
			sub := workbook.Refused(in.display, filepath.Base(in.path), s, workbook.Panicked(p), false)
			l.Add(&sub)
			err = nil
		}
	}()
	testHookRead(in.path)
	return workbook.Stream(in.path, in.display, s, lim, l)
}

// annotateOutside refuses an --annotate folder that is, or is inside, a
// folder being read (compared as files, so a symlinked path is caught):
// the copies would be read as submissions by the next run over it.
func annotateOutside(dir string, paths []string) error {
	var folders []os.FileInfo
	var names []string
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			folders, names = append(folders, st), append(names, p)
		}
	}
	d, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	if r, err := filepath.EvalSymlinks(d); err == nil {
		d = r
	}
	for {
		if st, err := os.Stat(d); err == nil {
			for i, f := range folders {
				if os.SameFile(st, f) {
					return usage(msg{"--annotate {dir}：位于正在读取的 {input} 之中；请写到它以外的文件夹，批注副本不要和报表放在一起", "--annotate {dir}: inside {input}, which is being read; write the copies to a folder outside it, apart from the returns"}, fields{"dir": dir, "input": names[i]})
				}
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil
		}
		d = parent
	}
}

// inFlightBytes bounds the input, in bytes on disk, read but not yet
// consolidated at once. A submission held in memory takes about 10 KB per
// row of 12 columns (measured: one file of 19,500 rows, 1.4 MB on disk,
// 222 MB peak RSS), so workers holding several files could pass any bound
// the held rows (rowsHeld) set for one. A file larger than the budget is
// not read by a worker at all: it is streamed (readEach). Small files (a
// department's month is tens of KB) are not held back.
const inFlightBytes = 1 << 20

// inFlight is a weighted semaphore over bytes of input.
type inFlight struct {
	mu         sync.Mutex
	cond       *sync.Cond
	free, cap_ int64
	held       int
}

func newInFlight(n int64) *inFlight {
	f := &inFlight{free: n, cap_: n}
	f.cond = sync.NewCond(&f.mu)
	return f
}

func (f *inFlight) acquire(w int64) {
	w = min(w, f.cap_)
	f.mu.Lock()
	for f.held > 0 && f.free < w {
		f.cond.Wait()
	}
	f.free -= w
	f.held++
	f.mu.Unlock()
}

func (f *inFlight) release(w int64) {
	w = min(w, f.cap_)
	f.mu.Lock()
	f.free += w
	f.held--
	f.mu.Unlock()
	f.cond.Broadcast()
}

// size is the input's size on disk, 0 when it is not a regular file.
func (in input) size() int64 {
	if in.problem != nil {
		return 0
	}
	if st, err := os.Stat(in.path); err == nil && st.Mode().IsRegular() {
		return st.Size()
	}
	return 0
}

// What a command may replace without --force: an output of the same kind
// tally wrote — a consolidated workbook (its seal sheet: the monthly
// reconcile -o over last run's file), an annotated copy (its 审核结果
// sheet). Anything else that exists — an extracted claims file (made to be
// edited), a template (perhaps filled in), some other file of that name —
// is refused, by name, before anything is written; --force replaces it. Inputs are never replaced,
// even with --force (checkOutput, annotateDests).

// refuseExisting refuses path when it exists, unless force or replaceable
// says tally may replace it.
func refuseExisting(path string, force bool, replaceable func(string) bool) error {
	st, err := os.Stat(path)
	if err != nil {
		return nil
	}
	if st.IsDir() { // not even with --force
		return usage(msg{"{path} 是文件夹，不是文件", "{path} is a folder, not a file"}, fields{"path": path})
	}
	if force || replaceable != nil && replaceable(path) {
		return nil
	}
	if replaceable != nil {
		return usage(msg{"{path} 已存在，且不是 tally 写出的同类文件；要覆盖请加 --force", "{path} exists and is not a file of this kind tally wrote; use --force to overwrite it"}, fields{"path": path})
	}
	return usage(msg{"{path} 已存在；要覆盖请加 --force", "{path} exists; use --force to overwrite it"}, fields{"path": path})
}

// ownWorkbook reports whether path is a consolidated workbook tally wrote
// (its seal sheet listed). Not whether its seal still verifies: that reads
// every 明细 row, as long as the run itself on a large workbook (a 4-million
// -figure rerun took 17 s instead of 6), and what a rerun writes is made
// afresh from the returns anyway.
func ownWorkbook(path string) bool { return workbook.IsConsolidated(path) }

// withoutFile returns files without the one that is the file at path (an
// output this run replaces is not one of its inputs), compared as files.
func withoutFile(files []input, path string) []input {
	st, err := os.Stat(path)
	if err != nil {
		return files
	}
	out := files[:0:0]
	for _, f := range files {
		if fst, err := os.Stat(f.path); err == nil && os.SameFile(fst, st) {
			continue
		}
		out = append(out, f)
	}
	return out
}
