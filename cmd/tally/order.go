package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/workbook"
)

// identifyOrder puts the inputs in the order the ledger takes them
// (reconcile.Identity.Before): it first learns what every file is — from
// its fingerprint, else its name — so the checks across months and the
// choice between two files for one department-month depend neither on the
// files' names or folders nor on the order they were given in. It returns
// the latest month a readable file is identified as: the month a clerk
// means when no --as-of is given (from fingerprints too, not only names).
//
// now is the run's clock (runClock): a save time past it is no save time
// to choose by (reconcile.InFuture; the ledger says so).
func identifyOrder(files []input, s *reconcile.Spec, jobs int, lim workbook.Limits, now string) (latest reconcile.Period, ok bool) {
	ids := make([]reconcile.Identity, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(jobs, max(len(files), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				ids[i] = workbook.Identify(files[i].path, files[i].display, s, lim)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	left := make([]bool, len(files))
	for i := range files {
		if reconcile.InFuture(ids[i].Modified, now) {
			ids[i].Modified = ""
		}
		files[i].consolidated = ids[i].Consolidated
		files[i].annotated, files[i].unfilled = ids[i].Annotated, ids[i].Unfilled
		// A copy or blank template a folder walk found is not read, and
		// its month is not the run's.
		left[i] = (ids[i].Annotated || ids[i].Unfilled) && files[i].walked
		if len(files[i].links) > 0 {
			ids[i] = nameLinked(&files[i], ids[i])
		}
	}
	sameContent(files, ids, lim)
	idx := make([]int, len(files))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ids[idx[a]].Before(ids[idx[b]]) })
	sorted := make([]input, len(files))
	for i, j := range idx {
		sorted[i] = files[j]
	}
	copy(files, sorted)
	for i, id := range ids {
		if id.Readable && !left[i] && id.Department != "" && id.Period.IsMonth() && latest.Before(id.Period) {
			latest = id.Period
		}
	}
	return latest, latest.Year != 0
}

// runClock is the run's clock for reconcile.Options.Now, in UTC.
func runClock() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// nameLinked chooses, among the paths to one file (a file and its hard or
// symbolic links), the one it is read and reported as: the name as issued
// (2020-07-kjk.xlsx) over a copy's name over one that says nothing, then a
// path that is not a symbolic link, then the earlier name — so the choice
// does not depend on the order the paths were found in.
func nameLinked(in *input, id reconcile.Identity) reconcile.Identity {
	paths := append([]string{in.path}, in.links...)
	isLink := func(p string) bool {
		st, err := os.Lstat(p)
		return err == nil && st.Mode()&os.ModeSymlink != 0
	}
	sort.SliceStable(paths, func(a, b int) bool {
		ra, rb := id.NameRank(paths[a]), id.NameRank(paths[b])
		if ra != rb {
			return ra > rb
		}
		if la, lb := isLink(paths[a]), isLink(paths[b]); la != lb {
			return lb
		}
		return paths[a] < paths[b]
	})
	in.path, in.display, in.links = paths[0], paths[0], paths[1:]
	id.File = in.display
	return id
}

// sameContent gives the files that are one department-month's two or more
// (rare) their SHA-256, so that Identity.Before can tell byte-identical
// copies apart from different files: a copy counts under the name as
// issued, and is reported as identical.
func sameContent(files []input, ids []reconcile.Identity, lim workbook.Limits) {
	byKey := map[string][]int{}
	for i, id := range ids {
		if id.Department != "" && id.Readable {
			k := id.Department + "|" + id.Period.String()
			byKey[k] = append(byKey[k], i)
		}
	}
	for _, is := range byKey {
		if len(is) < 2 {
			continue
		}
		for _, i := range is {
			if ids[i].SHA256 == "" {
				ids[i].SHA256 = fileSHA256(files[i].path, lim)
			}
		}
	}
}

// fileSHA256 is a file's SHA-256 in hex, "" when it cannot be read.
func fileSHA256(path string, lim workbook.Limits) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, lim.MaxFileBytes+1)); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}
