package stance

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"

	"github.com/stancekit/stancekit/features"
	"github.com/stancekit/stancekit/internal/atomicfile"
)

// File format, version 3 (all integers little-endian):
//
//	magic    [6]byte  "\x89STKM\n"
//	version  uint16   FormatVersion
//	length   uint64   payload length in bytes
//	payload  [length]byte
//	crc      uint32   CRC-32C (Castagnoli) of the payload
//
// The payload holds, as uvarints unless noted: the extractor settings
// (length-prefixed, see features.Extractor.MarshalBinary); alpha (float64
// bits, uint64); flags (bit 0 binary, bit 1 uniform prior, bits 2-3 the
// Variant); the maximum
// text length; the number of feature groups (10) and each group's weight
// (float64 bits, uint64); the temperature (float64 bits, uint64); the
// number of labels and each label name (length-prefixed);
// the example count per label; the number of features; then per feature,
// in ascending id order, the id's delta from the previous id and its count
// per label.

// FormatVersion is the version of the model file format that WriteTo
// writes and ReadModel reads. Every file of versions 1 and 2 (no
// temperature in 1, nine feature groups in both) that a build wrote holds
// features of feature set 2 or earlier: from features.Version 3 on,
// ReadModel refuses it with an error wrapping features.ErrFeatureVersion,
// after reading just its extractor, which every version stores first. A
// file of version 1 or 2 that claims a feature set this build reads (3
// on), which no build wrote, gets ErrCorrupt. Version 3 holds every
// feature set from features.MinVersion to features.Version alike.
const FormatVersion = 3

const magic = "\x89STKM\n"

const headerLen = len(magic) + 2 + 8

// maxPayload bounds the payload length a model file may declare.
const maxPayload = 1 << 30

// Errors returned by ReadModel. Each is wrapped with details.
var (
	ErrNotModel           = errors.New("stance: not a stancekit model file")
	ErrUnsupportedVersion = errors.New("stance: unsupported model format version")
	ErrTruncated          = errors.New("stance: model file truncated")
	ErrChecksum           = errors.New("stance: model file checksum mismatch")
	ErrCorrupt            = errors.New("stance: model file corrupt")
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// WriteTo writes the model to w in the format ReadModel reads and returns
// the number of bytes written. The same model always gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	if err := m.check(); err != nil {
		return 0, err
	}
	p := m.appendPayload(nil)
	var h [headerLen]byte
	copy(h[:], magic)
	binary.LittleEndian.PutUint16(h[len(magic):], FormatVersion)
	binary.LittleEndian.PutUint64(h[len(magic)+2:], uint64(len(p)))
	var n int64
	for _, b := range [][]byte{h[:], p, binary.LittleEndian.AppendUint32(nil, crc32.Checksum(p, castagnoli))} {
		k, err := w.Write(b)
		n += int64(k)
		if err != nil {
			return n, fmt.Errorf("stance: writing model: %w", err)
		}
	}
	return n, nil
}

func (m *Model) appendPayload(b []byte) []byte {
	ext, _ := m.ext.MarshalBinary()
	b = binary.AppendUvarint(b, uint64(len(ext)))
	b = append(b, ext...)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(m.settings.alpha))
	var flags uint64
	if m.settings.binary {
		flags |= 1
	}
	if m.settings.uniformPrior {
		flags |= 2
	}
	flags |= uint64(m.settings.variant) << 2
	b = binary.AppendUvarint(b, flags)
	b = binary.AppendUvarint(b, uint64(m.settings.maxTextBytes))
	b = binary.AppendUvarint(b, uint64(len(m.settings.groupWeights)))
	for _, w := range m.settings.groupWeights {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(w))
	}
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(m.settings.temperature))
	b = binary.AppendUvarint(b, NumLabels)
	for _, l := range Labels {
		b = binary.AppendUvarint(b, uint64(len(l)))
		b = append(b, l...)
	}
	for _, d := range m.docs {
		b = binary.AppendUvarint(b, d)
	}
	b = binary.AppendUvarint(b, uint64(len(m.keys)))
	prev := uint64(0)
	for i, k := range m.keys {
		b = binary.AppendUvarint(b, k-prev)
		prev = k
		for _, c := range m.counts[i] {
			b = binary.AppendUvarint(b, uint64(c))
		}
	}
	return b
}

// ReadModel reads a model written by WriteTo. It returns an error wrapping
// ErrNotModel for data that is not a model file, ErrUnsupportedVersion for
// a format version this build cannot read, features.ErrFeatureVersion for
// an intact model of a feature set it does not read (before
// features.MinVersion — every file of format 1 or 2 is one: retrain it
// with this build — or after features.Version), ErrTruncated for a file cut short,
// ErrChecksum for a file whose bytes were changed, and ErrCorrupt for a
// file whose checksum holds but whose content is impossible. It
// reads nothing past the model. Its memory follows the file: it reads the
// payload (at most 1 GiB) through a growing buffer rather than trusting
// the declared length, and a feature takes at least four bytes of it, for
// which the model holds about 20 bytes of ids and counts and its scoring
// table up to 96 — so a model takes up to about 30 times its file. Read
// only model files you trust as far as memory goes, or bound their size.
func ReadModel(r io.Reader) (*Model, error) {
	var h [headerLen]byte
	if n, err := io.ReadFull(r, h[:]); err != nil {
		if n > 0 && string(h[:min(n, len(magic))]) == magic[:min(n, len(magic))] {
			// The start of a model file, magic or part of it, cut short.
			return nil, fmt.Errorf("%w: header has %d of %d bytes", ErrTruncated, n, headerLen)
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("%w: %d bytes, too short for a model", ErrNotModel, n)
		}
		return nil, fmt.Errorf("stance: reading model header, after byte %d: %w", n, err)
	}
	if string(h[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: bad magic bytes %q", ErrNotModel, h[:len(magic)])
	}
	version := binary.LittleEndian.Uint16(h[len(magic):])
	if version < 1 || version > FormatVersion {
		return nil, fmt.Errorf("%w: %d (this build reads %d)", ErrUnsupportedVersion, version, FormatVersion)
	}
	length := binary.LittleEndian.Uint64(h[len(magic)+2:])
	if length > maxPayload {
		return nil, fmt.Errorf("%w: declared payload of %d bytes exceeds %d", ErrCorrupt, length, maxPayload)
	}
	// Read through a growing buffer rather than allocating the declared
	// length up front, so a lying header cannot force a huge allocation.
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(r, int64(length)+4))
	if err != nil {
		return nil, fmt.Errorf("stance: reading model, after byte %d: %w", int64(headerLen)+n, err)
	}
	if n < int64(length)+4 {
		return nil, fmt.Errorf("%w: payload and checksum have %d of the %d bytes the header declares (or the header's length is corrupt)", ErrTruncated, n, length+4)
	}
	data := buf.Bytes()
	p, sum := data[:length], binary.LittleEndian.Uint32(data[length:])
	if got := crc32.Checksum(p, castagnoli); got != sum {
		return nil, fmt.Errorf("%w: computed %08x, file says %08x", ErrChecksum, got, sum)
	}
	m, err := decodePayload(p, version)
	if errors.Is(err, features.ErrFeatureVersion) || errors.Is(err, ErrUnsupportedVersion) {
		// An intact file this build cannot score, not a corrupt one.
		return nil, fmt.Errorf("stance: model of format version %d: %w; train it again with this build", version, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	return m, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint(what string) uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = fmt.Errorf("bad %s", what)
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) bytes(n uint64, what string) []byte {
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.err = fmt.Errorf("%s: %d bytes declared, %d left", what, n, len(d.b))
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

func decodePayload(p []byte, version uint16) (*Model, error) {
	d := &decoder{b: p}
	extData := d.bytes(d.uvarint("extractor length"), "extractor")
	if d.err != nil {
		return nil, d.err
	}
	// The extractor first: a file of another feature set says so, rather
	// than failing on a setting whose layout that set had differently.
	ext, err := features.UnmarshalExtractor(extData)
	if err != nil {
		return nil, err
	}
	if version != FormatVersion {
		// No build wrote feature set 2's successors in an older format: the
		// header's version (outside the checksum) is wrong.
		return nil, fmt.Errorf("format version %d with feature set %d, which no build wrote (only format %d holds it): the header's version is corrupt, or another program wrote the file", version, ext.Version(), FormatVersion)
	}
	alphaBits := d.bytes(8, "alpha")
	flags := d.uvarint("flags")
	maxText := d.uvarint("text limit")
	ng := d.uvarint("group count")
	if d.err == nil && ng != uint64(features.NumGroups) {
		return nil, fmt.Errorf("%d feature groups, want %d", ng, features.NumGroups)
	}
	var weights [features.NumGroups]float64
	for g := range weights {
		if wb := d.bytes(8, "group weight"); wb != nil {
			weights[g] = math.Float64frombits(binary.LittleEndian.Uint64(wb))
			if !validWeight(weights[g]) {
				return nil, fmt.Errorf("group %d weight %g", g, weights[g])
			}
		}
	}
	temperature := 1.0
	if tb := d.bytes(8, "temperature"); tb != nil {
		temperature = math.Float64frombits(binary.LittleEndian.Uint64(tb))
		if !validTemperature(temperature) {
			return nil, fmt.Errorf("temperature %g", temperature)
		}
	}
	nl := d.uvarint("label count")
	if d.err != nil {
		return nil, d.err
	}
	s := settings{
		alpha:        math.Float64frombits(binary.LittleEndian.Uint64(alphaBits)),
		binary:       flags&1 != 0,
		uniformPrior: flags&2 != 0,
		variant:      Variant(flags >> 2 & 3),
		maxTextBytes: int(maxText),
		groupWeights: weights,
		temperature:  temperature,
	}
	if flags>>4 != 0 || s.variant >= numVariants || !validAlpha(s.alpha) || !validMaxText(maxText) {
		return nil, fmt.Errorf("bad settings (flags %#x, alpha %g, text limit %d)", flags, s.alpha, maxText)
	}
	if nl != NumLabels {
		return nil, fmt.Errorf("%d labels, want %d", nl, NumLabels)
	}
	for _, l := range Labels {
		name := d.bytes(d.uvarint("label length"), "label")
		if d.err == nil && string(name) != string(l) {
			return nil, fmt.Errorf("label %q, want %q", name, l)
		}
	}
	m := &Model{ext: ext, settings: s}
	for l := range NumLabels {
		m.docs[l] = d.uvarint("example count")
	}
	nf := d.uvarint("feature count")
	if d.err != nil {
		return nil, d.err
	}
	// Each feature takes at least 1+NumLabels bytes: validate before allocating.
	if nf > uint64(len(d.b))/(1+NumLabels) {
		return nil, fmt.Errorf("%d features declared in %d bytes", nf, len(d.b))
	}
	m.keys = make([]uint64, nf)
	m.counts = make([][NumLabels]uint32, nf)
	prev := uint64(0)
	for i := range m.keys {
		delta := d.uvarint("feature id")
		if i > 0 && delta == 0 {
			return nil, fmt.Errorf("feature %d: ids not strictly ascending", i)
		}
		k := prev + delta
		if k < prev {
			return nil, fmt.Errorf("feature %d: id overflows", i)
		}
		if g := features.GroupOf(k); g >= features.NumGroups {
			return nil, fmt.Errorf("feature %d: id %#x names feature group %d, there are %d", i, k, g, features.NumGroups)
		}
		m.keys[i], prev = k, k
		for l := range NumLabels {
			c := d.uvarint("feature count")
			if c > math.MaxUint32 {
				return nil, fmt.Errorf("feature %d: count %d out of range", i, c)
			}
			m.counts[i][l] = uint32(c)
		}
		if d.err != nil {
			return nil, d.err
		}
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%d unread bytes after the features", len(d.b))
	}
	if probes := m.finish(); probes > maxProbe {
		// Ids from an Extractor are uniform hashes; ids that pile up in the
		// table were not made by one, and would make every lookup slow.
		return nil, fmt.Errorf("feature ids cluster (a probe of %d slots, limit %d)", probes, maxProbe)
	}
	return m, nil
}

// WriteFile writes the model to path atomically: to a temporary file in
// the same directory, synced, then renamed over path, keeping the mode of
// the file it replaces (0644 for a new one). A crash or error
// part-way leaves any earlier file at path intact and removes the
// temporary file. A symbolic link at path is followed (the file it points
// to is replaced; a link to nothing is an error); a device or named pipe
// (/dev/null, /dev/stdout) is written through, not replaced.
func (m *Model) WriteFile(path string) error {
	if err := m.check(); err != nil {
		return err // before the file is touched
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := m.WriteTo(w)
		return err
	})
}

// ReadModelFile reads the model file at path (see ReadModel); errors name
// the path. Unlike ReadModel, which leaves what follows the model in its
// reader, it refuses a file with bytes after the model (ErrCorrupt).
func ReadModelFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	m, err := ReadModel(br)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// A stream may hold more after a model; a model file may not.
	if _, err := br.Peek(1); err == nil {
		end, serr := f.Seek(0, io.SeekCurrent)
		if serr != nil {
			return nil, fmt.Errorf("%s: %w: data after the model", path, ErrCorrupt)
		}
		return nil, fmt.Errorf("%s: %w: data after the model, from byte %d", path, ErrCorrupt, end-int64(br.Buffered()))
	} else if err != io.EOF {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
