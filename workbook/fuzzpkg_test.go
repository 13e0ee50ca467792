package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"runtime"
	"testing"

	"github.com/jingwu/tally/internal/hostile"
	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/spec"
)

// fuzzParts are the parts a FuzzPackage input replaces, in order, when it
// is not a zip itself: sections separated by fuzzSep.
var fuzzParts = []string{"xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"}

var fuzzSep = []byte("\n--part--\n")

// fuzzLimits are the default limits with the sizes lowered, so the fuzzer
// reaches them.
func fuzzLimits() Limits {
	lim := DefaultLimits
	lim.MaxFileBytes, lim.MaxPartBytes, lim.MaxSharedBytes, lim.MaxAnnotateBytes = 8<<20, 8<<20, 4<<20, 16<<20
	lim.MaxSharedStrings, lim.MaxRowsPerFile, lim.MaxCellsTotal = 100_000, 10_000, 1_000_000
	return lim
}

// FuzzPackage: whatever a package holds — its zip structure, workbook.xml,
// relationships, sheets, shared strings, styles — reading it (and the
// check --annotate runs before excelize opens it) never panics, allocates
// a bounded amount, and ends in a clean read or findings. An input that
// starts with "PK" is the package; any other is up to five parts of the
// sample's 2020-03-czs.xlsx (sheet, strings, workbook, relationships,
// styles), separated by "\n--part--\n", zipped with the rest of it.
// The seed corpus in testdata/fuzz/FuzzPackage holds the small variants
// of the hostile corpus (internal/hostile).
func FuzzPackage(f *testing.F) {
	sample, err := os.ReadFile("../testdata/submissions/" + hostile.SampleFile)
	if err != nil {
		f.Fatal(err)
	}
	base := unzipAll(f, sample)
	s, _, err := spec.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	var sections [][]byte
	for _, p := range fuzzParts {
		sections = append(sections, base[p])
	}
	f.Add(bytes.Join(sections, fuzzSep))
	lim := fuzzLimits()
	f.Fuzz(func(t *testing.T, data []byte) {
		pkg := data
		if !bytes.HasPrefix(data, []byte("PK")) {
			pkg = assemble(t, base, bytes.SplitN(data, fuzzSep, len(fuzzParts)))
		}
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		sub := Read(reconcile.Submission{File: "f.xlsx"}, bytes.NewReader(pkg), int64(len(pkg)), hostile.SampleFile, s, lim)
		_ = checkPackageAt(bytes.NewReader(pkg), int64(len(pkg)), lim)
		runtime.ReadMemStats(&m1)
		if sub.Unreadable && len(sub.Findings) == 0 {
			t.Fatal("unreadable without a finding")
		}
		for _, fd := range sub.Findings {
			if fd.Message(reconcile.English) == "" || fd.Message(reconcile.Chinese) == "" {
				t.Fatalf("a finding without a message: %+v", fd)
			}
		}
		rows := 0
		for _, sh := range sub.Sheets {
			rows += len(sh.Rows)
		}
		if rows > lim.MaxRowsPerFile || len(sub.Findings) > lim.MaxFindings+1 {
			t.Fatalf("%d rows, %d findings: past the limits", rows, len(sub.Findings))
		}
		// A bound, not a measurement: a constant for the buffers and the
		// limits, plus a multiple of the package (its parts unpacked).
		if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > 200<<20+64*uint64(len(pkg)) {
			t.Fatalf("allocated %d MB reading a %d-byte package", alloc>>20, len(pkg))
		}
	})
}

func unzipAll(tb testing.TB, b []byte) map[string][]byte {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		out[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return out
}

// assemble zips the sample's parts with the given sections in place of
// the first parts of fuzzParts, stored (uncompressed), in a fixed order.
func assemble(tb testing.TB, base map[string][]byte, sections [][]byte) []byte {
	parts := map[string][]byte{}
	for k, v := range base {
		parts[k] = v
	}
	for i, sec := range sections {
		parts[fuzzParts[i]] = sec
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(parts) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(parts[name])
	}
	zw.Close()
	return buf.Bytes()
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
