package workbook

import (
	"io"

	"github.com/jingwu/tally/reconcile"
)

func isODS(r io.ReaderAt, size int64) bool { return false }

func identifyODS(id reconcile.Identity, r io.ReaderAt, size int64, s *reconcile.Spec, lim Limits) reconcile.Identity {
	return id
}
