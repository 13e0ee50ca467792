package workbook

import (
	"fmt"
	"io"
	"sort"
)

// checkPackage reads a whole package under the limits before excelize
// opens it for --annotate: excelize reads every part (styles, drawings,
// comments) into memory, with its own far larger limits, and tally's
// reader never looks at most of them. Every part is read through the size
// and ratio checks, the sum must stay under MaxAnnotateBytes, and
// styles.xml under MaxStyles elements.
func checkPackage(path string, lim Limits) error {
	f, st, err := openRegular(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return checkPackageAt(f, st.Size(), lim)
}

func checkPackageAt(r io.ReaderAt, size int64, lim Limits) error {
	lim = lim.filled()
	x, err := openXLSX(r, size, lim)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(x.parts))
	for name := range x.parts {
		names = append(names, name)
	}
	sort.Strings(names)
	var total int64
	for _, name := range names {
		n, err := x.readPart(name, name == "xl/styles.xml")
		if err != nil {
			return err
		}
		if total += n; total > lim.MaxAnnotateBytes {
			return fileErr(fmt.Sprintf("解压后超过 %d 字节，过大，未生成批注副本", lim.MaxAnnotateBytes),
				fmt.Sprintf("unpacks to more than %d bytes: too large to annotate", lim.MaxAnnotateBytes), nil)
		}
	}
	return nil
}

// readPart reads a part to its end and returns its size; with elements
// set, it counts the part's XML elements against MaxStyles.
func (x *xlsx) readPart(name string, elements bool) (int64, error) {
	rc, err := x.open(name)
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	if !elements {
		return io.Copy(io.Discard, rc)
	}
	cr := &countReader{r: rc}
	d := newXMLTokens(cr)
	d.max = x.lim.MaxTextBytes
	n := 0
	for {
		kind, err := d.next()
		if err == io.EOF {
			return cr.n, nil
		}
		if err != nil {
			return 0, partErr(err, name+" 格式错误", name+" is malformed")
		}
		if kind == tokStart {
			if n++; n > x.lim.MaxStyles {
				return 0, fileErr(fmt.Sprintf("%s 的元素超过 %d 个的上限（样式过多）", name, x.lim.MaxStyles),
					fmt.Sprintf("%s has more than %d elements (too many styles)", name, x.lim.MaxStyles), nil)
			}
		}
	}
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
