#!/usr/bin/python3
"""Usage: icon-sizes.py APP_ICON.svg SYMBOLIC_ICON.svg OUT.png

Renders the application icon at 16, 32, 64 and 128 px (and the symbolic
icon at 16 px), the way GTK's SVG loader draws them, on a light and a dark
background, into one picture to look at when the icon changes. Then
checks what the GNOME app icon style asks of each size:
  - a transparent canvas corner (no square tile);
  - the artwork inside the canvas with a margin (GNOME's grid keeps the
    shape within about 112/128 of the canvas, leaving room for a shadow);
  - at 16 px, still a shape (enough opaque pixels to read as one);
  - the symbolic icon one colour (grey/black only), so GTK can recolour it.
Exits non-zero, saying why, when a size fails."""
import sys
try:
    import gi
    gi.require_version('GdkPixbuf', '2.0')
    from gi.repository import GdkPixbuf
except (ImportError, ValueError) as e:
    print(f'SKIP: no GdkPixbuf for Python ({e})')
    sys.exit(77)

app, symbolic, out = sys.argv[1:4]
sizes = [16, 32, 64, 128]
failures = []

def pixels(pb):
    n, stride, data = pb.get_n_channels(), pb.get_rowstride(), pb.get_pixels()
    for y in range(pb.get_height()):
        for x in range(pb.get_width()):
            o = y * stride + x * n
            yield x, y, data[o:o + n]

renders = {}
for size in sizes:
    pb = GdkPixbuf.Pixbuf.new_from_file_at_size(app, size, size)
    renders[size] = pb
    if not pb.get_has_alpha():
        failures.append(f'{size} px: no alpha channel')
        continue
    opaque = [(x, y) for x, y, p in pixels(pb) if p[3] > 32]
    if pb.get_pixels()[3] > 0:
        failures.append(f'{size} px: the corner is not transparent (a square tile?)')
    if len(opaque) < size * size * 0.25:
        failures.append(f'{size} px: only {len(opaque)} opaque pixels: too faint to read')
    if opaque:
        xs, ys = [p[0] for p in opaque], [p[1] for p in opaque]
        margin = min(min(xs), min(ys), size - 1 - max(xs), size - 1 - max(ys))
        if size >= 64 and margin < size * 4 / 128:
            failures.append(f'{size} px: the artwork touches the edge (margin {margin} px)')
        print(f'{size} px: {len(opaque)} opaque pixels, artwork {min(xs)}..{max(xs)} x {min(ys)}..{max(ys)}')

sym = GdkPixbuf.Pixbuf.new_from_file_at_size(symbolic, 16, 16)
colours = {tuple(p[:3]) for _, _, p in pixels(sym) if len(p) == 4 and p[3] > 200}
if any(max(c) - min(c) > 24 for c in colours):
    failures.append('symbolic: it has colours; a symbolic icon is one grey that GTK recolours')

# The sheet: each size at its real pixels, on light and dark, left to right.
pad = 24
width = pad + sum(s + pad for s in sizes) + 16 + pad
height = 2 * (128 + 2 * pad)
sheet = GdkPixbuf.Pixbuf.new(GdkPixbuf.Colorspace.RGB, True, 8, width, height)
for row, colour in enumerate([0xfafafaff, 0x242424ff]):
    band = sheet.new_subpixbuf(0, row * (128 + 2 * pad), width, 128 + 2 * pad)
    band.fill(colour)
    x = pad
    for size in sizes + ['symbolic']:
        pb = sym if size == 'symbolic' else renders[size]
        s = 16 if size == 'symbolic' else size
        y = row * (128 + 2 * pad) + pad + (128 - s) // 2
        pb.composite(sheet, x, y, s, s, x, y, 1, 1, GdkPixbuf.InterpType.NEAREST, 255)
        x += s + pad
sheet.savev(out, 'png', [], [])
print(f'sheet: {out}')
for f in failures:
    print('FAIL:', f)
sys.exit(1 if failures else 0)
