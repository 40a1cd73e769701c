"""Is a PNG screenshot blank?  Standard library only (zlib): no Pillow.

Reads the chunks, checks the IHDR size against the expected one, inflates the
image data and looks at each scan line.  A line of one flat colour, whatever
PNG filter the encoder chose for it, has every byte after its first pixel
equal (None: the colour; Sub, Up, Average, Paeth: zeros or a constant), so a
line with two different values there has something drawn on it.  A page with
text, tables and a chart has such lines over a good part of its height.
"""
import struct
import sys
import zlib

WANT = (1200, 1600)
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def main(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return "not a PNG"
    pos, idat, ihdr = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if not ihdr:
        return "no IHDR"
    width, height, depth, colour, _, _, interlace = ihdr
    if (width, height) != WANT:
        return "size %dx%d, expected %dx%d" % (width, height, *WANT)
    if depth != 8 or colour not in CHANNELS or interlace:
        return None  # an unusual encoding: the size checks in run.sh stand
    bpp = CHANNELS[colour]
    raw = zlib.decompress(b"".join(idat))
    stride = 1 + width * bpp
    if len(raw) != stride * height:
        return "image data of %d bytes, expected %d" % (len(raw), stride * height)
    drawn = 0
    for y in range(height):
        line = raw[y * stride + 1 + bpp:(y + 1) * stride]
        if line.count(line[:1]) != len(line):
            drawn += 1
    if drawn * 10 < height:  # fewer than a tenth of the lines have anything
        return "blank: only %d of %d lines have content" % (drawn, height)
    return None


if __name__ == "__main__":
    problem = main(sys.argv[1])
    if problem:
        print("     " + problem)
        sys.exit(1)
