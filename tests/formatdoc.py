"""A Word 97-2003 document (.doc) written here, for test-formats.py: the text in one
UTF-16 piece, paragraphs, and tables whose cells end with 0x07 and rows with one more
0x07 marked as the row's end (sprmPFInTable, sprmPFTtp in PAPX FKPs), in an OLE2
compound file of 512-byte sectors. [MS-DOC] 2.4, 2.5, 2.9; [MS-CFB] 2."""
import struct

SECTOR = 512
END, FREE, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD

IN_TABLE = struct.pack("<HB", 0x2416, 1)
TTP = struct.pack("<HB", 0x2417, 1)
PLAIN, CELL = b"\x00\x00", b"\x00\x00" + IN_TABLE     # istd 0, and the sprms
TWIPS = 9000


def row_end(row, below, n):
    """A row end's PAPX: in a table, the row's end, and its cells (sprmTDefTable: each
    cell's edges on a grid of TWIPS for @n columns, a vertical merge's start and
    continuations, from the grid's row @below)"""
    cells = list(row_cells(row))
    edges = [c * TWIPS // n for c, _ in cells] + [TWIPS]
    tcs = b""
    for k, (c, (text, origin, cs, dr, dc)) in enumerate(cells):
        flags = 0
        if not origin:
            flags |= 1 << 5          # vertMerge: continues the cell above
        elif below is not None and c < len(below) and below[c] is not None and below[c][3] > 0:
            flags |= 3 << 5          # vertMerge: the first of a merge
        tcs += struct.pack("<HH", flags, edges[k + 1] - edges[k]) + b"\x00" * 16
    body = bytes([len(cells)]) + struct.pack(f"<{len(edges)}h", *edges) + tcs
    operand = struct.pack("<H", len(body) + 2 - 1) + body
    return b"\x00\x00" + IN_TABLE + TTP + struct.pack("<H", 0xD608) + operand


def row_cells(row):
    """(column, entry) of each cell of a grid row (a cell over several columns once; one a
    vertical merge continues, too)"""
    c = 0
    while c < len(row):
        if row[c] is None:
            c += 1
            continue
        yield c, row[c]
        c += row[c][2]


def text_and_paragraphs(blocks, grid):
    """The document's characters and its paragraphs as (end CP, grpprl with istd)"""
    chars, paras = [], []
    cp = 0

    def add(s, mark, papx):
        nonlocal cp
        chars.append(s.replace("\r", " ").replace("\x07", " ") + mark)
        cp += len(chars[-1])
        paras.append((cp, papx))

    for kind, body in blocks:
        if kind != "table":
            add(body, "\r", PLAIN)
            continue
        g = grid(body)
        n = max(len(r) for r in g)
        for r, row in enumerate(g):
            for _, (text, origin, *_) in row_cells(row):
                add(text if origin else "", "\x07", CELL)
            add("", "\x07", row_end(row, g[r + 1] if r + 1 < len(g) else None, n))
        add("", "\r", PLAIN)
    return "".join(chars), paras


def papx_in_fkp(g):
    if len(g) % 2:
        return bytes([(len(g) + 1) // 2]) + g
    return b"\x00" + bytes([len(g) // 2]) + g


def fkps(paras, text_fc):
    """PAPX FKPs (512 bytes each) for the paragraphs, and each one's first and last FC"""
    return fkps_at([(text_fc + 2 * cp, g) for cp, g in paras], text_fc)


def fkps_at(runs, start_fc):
    """PAPX FKPs for runs of paragraph properties given as (FC after the run, grpprl),
    by FC, the first starting at @start_fc"""
    paras = runs
    pages, ranges = [], []
    i = 0
    while i < len(paras):
        # as many runs as fit: 4 bytes of FC and 13 of BX each, their PAPX from the end
        papx, n = {}, 0
        while i + n < len(paras):
            g = paras[i + n][1]
            size = sum(len(papx_in_fkp(x)) + len(papx_in_fkp(x)) % 2 for x in set(papx) | {g})
            if 4 * (n + 2) + 13 * (n + 1) + size + 2 > SECTOR:
                break
            papx[g] = None
            n += 1
        chunk = paras[i:i + n]
        fcs = [paras[i - 1][0] if i > 0 else start_fc] + [fc for fc, _ in chunk]
        page = bytearray(SECTOR)
        struct.pack_into(f"<{n + 1}I", page, 0, *fcs)
        offsets, at = {}, SECTOR - 2   # PAPX at even offsets, before the count of runs
        for g in papx:
            p = papx_in_fkp(g)
            at -= len(p) + len(p) % 2
            page[at:at + len(p)] = p
            offsets[g] = at // 2
        for j, (_, g) in enumerate(chunk):
            page[4 * (n + 1) + 13 * j] = offsets[g]
        page[SECTOR - 1] = n
        pages.append(bytes(page))
        ranges.append((fcs[0], fcs[-1]))
        i += n
    return pages, ranges


def fib(ccp_text, clx, bte_papx, ccp_ftn=0, ccp_hdd=0, complex=False, bte_chpx=(0, 0)):
    """The FIB; with @complex, fComplex: a fast-saved document"""
    base = struct.pack("<HHHHH", 0xA5EC, 0x00C1, 0, 0x0804, 0)
    base += struct.pack("<H", 0x0200 | (0x0004 if complex else 0))  # fWhichTblStm: 1Table
    base += struct.pack("<HIBBHH", 0x00BF, 0, 0, 0, 0, 0)
    base += b"\x00" * (32 - len(base))
    rgw = struct.pack("<H", 14) + b"\x00" * 28
    lw = [0] * 22
    lw[3:6] = [ccp_text, ccp_ftn, ccp_hdd]
    rglw = struct.pack("<H", 22) + struct.pack("<22I", *lw)
    pairs = [0] * (93 * 2)
    pairs[12 * 2:12 * 2 + 2] = bte_chpx
    pairs[13 * 2:13 * 2 + 2] = bte_papx
    pairs[33 * 2:33 * 2 + 2] = clx
    rgfc = struct.pack("<H", 93) + struct.pack(f"<{len(pairs)}I", *pairs)
    return base + rgw + rglw + rgfc + struct.pack("<H", 0)


def compound_file(streams):
    """An OLE2 file holding @streams (name → bytes, each 4096 bytes or more)"""
    sectors, fat, starts = [], [], {}
    for name, data in streams.items():
        data = data + b"\x00" * (-len(data) % SECTOR)
        first = len(sectors)
        n = len(data) // SECTOR
        starts[name] = first
        for k in range(n):
            sectors.append(data[k * SECTOR:(k + 1) * SECTOR])
            fat.append(first + k + 1 if k + 1 < n else END)
    # the directory: root, then the streams (the first the root's child, each next its
    # right sibling: names compare by length, then by their letters)
    names = sorted(streams, key=lambda s: (len(s), s.upper()))

    def entry(name, kind, child, right, start, size):
        raw = name.encode("utf-16-le") + b"\x00\x00"
        e = raw + b"\x00" * (64 - len(raw))
        e += struct.pack("<HBB", len(raw), kind, 1)
        e += struct.pack("<III", FREE, right, child)
        e += b"\x00" * 16 + struct.pack("<I", 0) + b"\x00" * 16
        e += struct.pack("<IIIi", start, size, 0, 0)[:12]
        return e + b"\x00" * (128 - len(e))

    dirs = [entry("Root Entry", 5, 1, FREE, END, 0)]
    for k, name in enumerate(names):
        right = k + 2 if k + 1 < len(names) else FREE
        dirs.append(entry(name, 2, FREE, right, starts[name], len(streams[name])))
    while len(dirs) % 4:
        dirs.append(b"\x00" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", FREE, FREE, FREE)
                    + b"\x00" * (128 - 64 - 4 - 12))
    dir_start = len(sectors)
    for k in range(0, len(dirs), 4):
        sectors.append(b"".join(dirs[k:k + 4]))
        fat.append(len(sectors) if k + 4 < len(dirs) else END)
    # the FAT's own sectors
    n_fat = 1
    while (len(sectors) + n_fat) > n_fat * (SECTOR // 4):
        n_fat += 1
    fat_start = len(sectors)
    fat += [FATSECT] * n_fat
    fat += [FREE] * (n_fat * (SECTOR // 4) - len(fat))
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat)
    for k in range(n_fat):
        sectors.append(fat_bytes[k * SECTOR:(k + 1) * SECTOR])
    difat = [fat_start + k for k in range(n_fat)] + [FREE] * (109 - n_fat)
    header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 16
    header += struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + b"\x00" * 6
    header += struct.pack("<IIII", 0, n_fat, dir_start, 0)
    header += struct.pack("<IIIII", 4096, END, 0, END, 0)
    header += struct.pack("<109I", *difat)
    return header + b"".join(sectors)


def write_doc(path, blocks, grid):
    text, paras = text_and_paragraphs(blocks, grid)
    fib_size = len(fib(0, (0, 0), (0, 0)))
    text_fc = SECTOR * ((fib_size + SECTOR - 1) // SECTOR)
    encoded = text.encode("utf-16-le")
    fkp_start = text_fc + len(encoded)
    fkp_start += -fkp_start % SECTOR
    pages, ranges = fkps(paras, text_fc)
    # the table stream: the CLX (one piece, UTF-16), then the PAPX bin table
    pcd = struct.pack("<HIH", 0, text_fc, 0)
    plcpcd = struct.pack("<II", 0, len(text)) + pcd
    clx = b"\x02" + struct.pack("<I", len(plcpcd)) + plcpcd
    fcs = [ranges[0][0]] + [r[1] for r in ranges]
    bte = struct.pack(f"<{len(fcs)}I", *fcs) + struct.pack(f"<{len(pages)}I", *[
        fkp_start // SECTOR + k for k in range(len(pages))])
    table = clx + bte
    table += b"\x00" * max(0, 4096 - len(table))
    word = fib(len(text), (0, len(clx)), (len(clx), len(bte)))
    word += b"\x00" * (text_fc - len(word)) + encoded
    word += b"\x00" * (fkp_start - len(word)) + b"".join(pages)
    word += b"\x00" * max(0, 4096 - len(word))
    with open(path, "wb") as f:
        f.write(compound_file({"WordDocument": word, "1Table": table}))
