"""Word 97-2003 documents (.doc) as Word and WPS really save them, written from a report's
text for test-doc-pieces.py: a line with tabs is a table row (a cell a field), any other
line a paragraph. Unlike formatdoc.write_doc (one UTF-16 piece), the text is in several
pieces ([MS-DOC] 2.4.1, 2.9.73):

- "utf16": one UTF-16 piece, the baseline;
- "mixed": runs of characters that cp1252 holds (digits, ASCII, “”) in 8-bit pieces (fc
  with bit 30 set, at fc / 2), the others (Chinese) in UTF-16 pieces; runs cut at random
  too, so that a number's digits are in two pieces;
- "fast": the same pieces, fast-saved (fComplex): stored in the stream in no order, a stale
  copy of each (its digits changed) left in the stream where no piece points, a Prc that
  some pieces apply;
- "fields": "mixed", and each whole number of a cell in a formula field (code with digits
  of its own, once a nested field in the code), each year of the prose in a field, and,
  after the main text (ccpText), a footnote story and a header story whose text has
  numbers and a row of the template;
- "hidden": "mixed", and hidden text (sprmCFVanish, in CHPX FKPs) that would change the
  numbers if read: a digit before each whole number of a cell, a sentence with numbers
  before each paragraph that has a year;
- "gbk": the 8-bit pieces in GBK, a pair a character and two CPs, as programs other than
  Word write them (lid zh-CN), the UTF-16 pieces holding what GBK does not;
- "latin": "mixed" (cp1252, as Word writes), with each “ and ” of the text made ×× and
  LATIN_LINE for the last line, so that the 8-bit pieces' bytes pair as GBK would.

Each kind ends its main text with a paragraph of the characters cp1252 places at 0x80-0x9F
and some Latin-1 ones (CP1252_LINE)."""
import random
import re
import struct

from formatdoc import IN_TABLE, PLAIN, SECTOR, TTP, compound_file, fib, fkps_at

CELL = PLAIN + IN_TABLE
CP1252_LINE = "‚ƒ„…†‡ˆ‰Š‹Œ‘’“”•–—˜™š›œŸ ±×÷°é 12.5%"
LATIN_LINE = "±×÷° 12.5%"
TWIPS = 9000
NUMBER = re.compile(r"\d+")
YEAR = re.compile(r"20\d\d(?=年)")
FOOTNOTES = "\x02 注：本表2099年数据为88件。\r"
HEADERS = ("第\x13 PAGE \x14 7\x15页\r\r（三）不予公开\t8\t8\t8\t8\t8\t8\t8\r"
           "\r总计\t99\t99\t99\t99\t99\t99\t99\r\r")


def row_end(n):
    """A row end's PAPX: in a table, the row's end, its @n cells of equal width"""
    edges = [k * TWIPS // n for k in range(n + 1)]
    tcs = b"".join(struct.pack("<HH", 0, edges[k + 1] - edges[k]) + b"\x00" * 16 for k in range(n))
    body = bytes([n]) + struct.pack(f"<{n + 1}h", *edges) + tcs
    return PLAIN + IN_TABLE + TTP + struct.pack("<HH", 0xD608, len(body) + 1) + body


def field(code, result):
    return "\x13" + code + "\x14" + result + "\x15"


def in_fields(text, in_cell, k):
    """@text with its numbers as fields' results: a cell's whole number, the prose's years"""
    if in_cell and NUMBER.fullmatch(text):
        code = ' =SUM(B3:B7) \\# "0" ' if k % 3 else " = " + field(" QUOTE 88 ", "88") + " + 0 "
        return field(code, text)
    return YEAR.sub(lambda m: field(" DOCPROPERTY Year 1999 ", m.group(0)), text)


HIDDEN_CELL = "9"
HIDDEN_PROSE = "（旧稿：2099年收到申请88件，予以公开66件）"


def latin(text):
    """The text of the "latin" kind"""
    return text.replace("“", "××").replace("”", "××")


def main_text(text, with_fields, hidden=None, last=CP1252_LINE):
    """The main document's characters, and each paragraph's (end CP, PAPX); with @hidden
    (a list), hidden text too, its (first CP, end CP) added to @hidden"""
    chars, marks = [], []
    in_table = False
    k = 0

    def add(s, mark, papx):
        at = sum(map(len, chars))
        if hidden is not None:
            prefix = HIDDEN_CELL if mark == "\x07" and NUMBER.fullmatch(s) else \
                HIDDEN_PROSE if mark == "\r" and YEAR.search(s) else ""
            hidden.append((at, at + len(prefix)))
            s = prefix + s
        chars.append(s + mark)
        marks.append((at + len(chars[-1]), papx))

    for line in text.split("\n") + [last]:
        line = line.replace("\r", "")
        if "\t" not in line:
            if in_table:
                add("", "\r", PLAIN)  # the paragraph Word keeps after a table
                in_table = False
            add(in_fields(line, False, 0) if with_fields else line, "\r", PLAIN)
            continue
        in_table = True
        cells = line.split("\t")
        for c in cells:
            k += 1
            add(in_fields(c, True, k) if with_fields else c, "\x07", CELL)
        add("", "\x07", row_end(len(cells)))
    return "".join(chars), marks


def cp1252_byte(c):
    """The byte of @c in an 8-bit piece, or None; [MS-DOC] maps 0x80, 0x8E and 0x9E to
    U+0080, U+008E and U+009E, so Word stores €, Ž and ž in UTF-16 pieces"""
    try:
        b = c.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return None if b[0] in (0x80, 0x8E, 0x9E) else b


def gbk_bytes(c):
    """The bytes of @c in an 8-bit piece of GBK (as other programs than Word write them)"""
    try:
        return c.encode("gbk")
    except UnicodeEncodeError:
        return None


def split_pieces(text, rng, enc8):
    """(first character, text, compressed) of each piece: runs of one kind, some cut at
    random"""
    pieces, start = [], 0
    for k in range(1, len(text) + 1):
        if k < len(text) and (enc8(text[k]) is None) == (enc8(text[start]) is None):
            digits = text[k - 1].isdigit() and text[k].isdigit()
            if rng.random() > (0.3 if digits else 0.01):
                continue
        pieces.append((start, text[start:k], enc8(text[start]) is not None))
        start = k
    return pieces


def stale(s):
    """A piece's text as it was before the last edits: its digits changed"""
    return "".join(str((int(c) + 3) % 10) if c.isdigit() else c for c in s)


def write_doc_pieces(path, text, kind, seed=0):
    rng = random.Random(seed)
    hidden = [] if kind == "hidden" else None
    if kind == "latin":
        body, marks = main_text(latin(text), False, None, LATIN_LINE)
    else:
        body, marks = main_text(text, kind == "fields", hidden)
    stories = (FOOTNOTES, HEADERS) if kind == "fields" else ("", "")
    all_text = body + "".join(stories) + ("\r" if kind == "fields" else "")
    # the stories' paragraphs: plain ones
    marks += [(len(body) + m.end(), PLAIN) for m in re.finditer("[\r\x07]", all_text[len(body):])]
    enc8 = gbk_bytes if kind == "gbk" else cp1252_byte
    pieces = [(0, all_text, False)] if kind == "utf16" else split_pieces(all_text, rng, enc8)

    # the WordDocument stream: the FIB, the pieces' bytes (in order or not), the PAPX FKPs
    order = list(range(len(pieces)))
    if kind == "fast":
        rng.shuffle(order)
    fib_size = len(fib(0, (0, 0), (0, 0)))
    word = bytearray(fib_size + (-fib_size % SECTOR))
    where = {}
    for i in order:
        cp, s, compressed = pieces[i]
        enc = (lambda t: b"".join(enc8(c) for c in t)) if compressed else (lambda t: t.encode("utf-16-le"))
        if kind == "fast":
            word += enc(stale(s)) + b"\x00\x00"
        if not compressed:
            word += b"\x00" * (len(word) % 2)
        where[i] = len(word)
        word += enc(s)
    text_end = len(word)

    # each character's FC, size and CP (a byte a CP in 8-bit pieces: a GBK pair is two)
    char_fc, char_size, char_cp, cps = [], [], [], []
    cp = 0
    for i, (_, s, compressed) in enumerate(pieces):
        fc = where[i]
        cps.append(cp)
        for c in s:
            size = len(enc8(c)) if compressed else 2
            char_fc.append(fc)
            char_size.append(size)
            char_cp.append(cp)
            fc += size
            cp += size if compressed else 1
    cps.append(cp)
    char_cp.append(cp)

    # each paragraph mark's run of properties ends after the mark: by FC
    runs = sorted((char_fc[end - 1] + char_size[end - 1], g) for end, g in marks)
    start_fc = min(where.values())
    fkp_start = text_end + (-text_end % SECTOR)
    pages, ranges = fkps_at(runs, start_fc)

    # the table stream: the CLX (a Prc in fast-saved files, the piece table), the bin table
    prcs = b""
    if kind == "fast":
        grpprl = struct.pack("<HB", 0x0835, 1)  # sprmCFBold
        prcs = b"\x01" + struct.pack("<H", len(grpprl)) + grpprl
    pcds = b""
    for i, (cp, s, compressed) in enumerate(pieces):
        fc = (where[i] * 2) | 0x40000000 if compressed else where[i]
        prm = 1 if kind == "fast" and i % 4 == 1 else 0
        pcds += struct.pack("<HIH", 0, fc, prm)
    plcpcd = struct.pack(f"<{len(cps)}I", *cps) + pcds
    clx = prcs + b"\x02" + struct.pack("<I", len(plcpcd)) + plcpcd
    fcs = [ranges[0][0]] + [r[1] for r in ranges]
    bte = struct.pack(f"<{len(fcs)}I", *fcs) + struct.pack(f"<{len(pages)}I", *[
        fkp_start // SECTOR + k for k in range(len(pages))])
    table = clx + bte
    table += b"\x00" * max(0, 4096 - len(table))
    chpx_start = fkp_start + SECTOR * len(pages)
    chpx_pages, bte_chpx = [], b""
    if hidden:
        chpx_pages, chpx_fcs = chpx_fkps(char_runs(char_fc, char_size, hidden))
        bte_chpx = struct.pack(f"<{len(chpx_fcs)}I", *chpx_fcs) + struct.pack(
            f"<{len(chpx_pages)}I", *[chpx_start // SECTOR + k for k in range(len(chpx_pages))])
        table = table[:len(clx) + len(bte)] + bte_chpx
        table += b"\x00" * max(0, 4096 - len(table))
    ccp_text, ccp_ftn = char_cp[len(body)], char_cp[len(body) + len(stories[0])] - char_cp[len(body)]
    head = fib(ccp_text, (0, len(clx)), (len(clx), len(bte)), ccp_ftn=ccp_ftn,
               ccp_hdd=cps[-1] - ccp_text - ccp_ftn - (1 if kind == "fields" else 0), complex=kind == "fast",
               bte_chpx=(len(clx) + len(bte), len(bte_chpx)))
    word[:len(head)] = head
    word += b"\x00" * (fkp_start - len(word)) + b"".join(pages) + b"".join(chpx_pages)
    word += b"\x00" * max(0, 4096 - len(word))
    with open(path, "wb") as f:
        f.write(compound_file({"WordDocument": bytes(word), "1Table": table}))


def char_runs(char_fc, char_size, hidden):
    """(first FC, hidden) of each run of characters, by FC; the last ends at the text's end"""
    is_hidden = [False] * len(char_fc)
    for a, b in hidden:
        is_hidden[a:b] = [True] * (b - a)
    chars = sorted((fc, fc + size, h) for fc, size, h in zip(char_fc, char_size, is_hidden))
    runs = []
    for start, _, h in chars:
        if not runs or runs[-1][1] != h:
            runs.append((start, h))
    return runs + [(chars[-1][1], None)]


def chpx_fkps(runs):
    """CHPX FKPs for @runs (from char_runs): hidden ones with sprmCFVanish, the others with
    no properties; and the bin table's FCs"""
    chpx_at = SECTOR - 8                     # cb, sprmCFVanish, on
    per_page = 100
    pages, fcs = [], []
    for p in range(0, len(runs) - 1, per_page):
        chunk = runs[p:p + per_page + 1]
        n = len(chunk) - 1
        page = bytearray(SECTOR)
        struct.pack_into(f"<{n + 1}I", page, 0, *[fc for fc, _ in chunk])
        for j, (_, h) in enumerate(chunk[:-1]):
            page[4 * (n + 1) + j] = chpx_at // 2 if h else 0
        page[chpx_at:chpx_at + 4] = bytes([3]) + struct.pack("<HB", 0x083C, 1)
        page[SECTOR - 1] = n
        pages.append(bytes(page))
        fcs.append(chunk[0][0])
    return pages, fcs + [runs[-1][0]]
