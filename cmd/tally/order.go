package main

import (
	"sort"
	"sync"

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
func identifyOrder(files []input, s *reconcile.Spec, jobs int, lim workbook.Limits) (latest reconcile.Period, ok bool) {
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
	for i := range files {
		files[i].consolidated = ids[i].Consolidated
	}
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
	for _, id := range ids {
		if id.Readable && id.Department != "" && id.Period.IsMonth() && latest.Before(id.Period) {
			latest = id.Period
		}
	}
	return latest, latest.Year != 0
}
