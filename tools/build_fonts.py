"""Build the PDF reports' fonts in resources/fonts/ from the Noto font packages.

The fonts are committed; this tool only says how they were made, so they can be made again
(for a newer Noto, or another script). Give it a folder holding the packages' files as their
registries deliver them:

    pip download --no-deps -d SRC fontpkg-noto-sans==2.15 fontpkg-noto-sans-arabic==2.12
    (cd SRC && npm pack @fontsource/noto-sans-hebrew@5.3.0 @fontsource/noto-sans-sc@5.3.1 \
        @fontsource/noto-sans-jp@5.3.0 @fontsource/noto-sans-kr@5.3.0)
    python tools/build_fonts.py SRC

Variable fonts are cut to static Regular (400) and Bold (700) instances; WOFF files are
unpacked to TrueType (reportlab embeds TrueType outlines only); hinting is dropped (the PDFs
are read on screens and printers that do not need it); the Japanese font keeps only what the
Chinese one lacks (kana and Japanese kanji), the Korean one only Hangul. Needs fontTools
(`pip install fonttools`), which the app itself does not.
"""

from __future__ import annotations

import argparse
import io
import sys
import tarfile
import zipfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"

HANGUL = [*range(0x1100, 0x1200), *range(0x3130, 0x3190), *range(0xA960, 0xA980),
          *range(0xAC00, 0xD7A4), *range(0xD7B0, 0xD800)]
KANA = [*range(0x3000, 0x3100), *range(0x31F0, 0x3200), *range(0xFF00, 0xFFF0)]


def _from_wheel(src: Path, pattern: str, member: str) -> bytes:
    wheel = next(src.glob(pattern))
    with zipfile.ZipFile(wheel) as zf:
        return zf.read(member)


def _from_npm(src: Path, pattern: str, member: str) -> bytes:
    pack = next(src.glob(pattern))
    with tarfile.open(pack) as tf:
        fh = tf.extractfile(f"package/{member}")
        assert fh is not None, member
        return fh.read()


def _static(data: bytes, weight: int) -> TTFont:
    font = TTFont(io.BytesIO(data))
    if "fvar" in font:
        axes = {a.axisTag: a.defaultValue for a in font["fvar"].axes}
        axes["wght"] = weight
        font = instancer.instantiateVariableFont(font, axes, updateFontNames=True)
    font.flavor = None
    return font


def _save(font: TTFont, name: str, unicodes: list[int] | None = None) -> None:
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes if unicodes is not None else list(font.getBestCmap()))
    subsetter.subset(font)
    font.save(OUT / name)
    sys.stdout.write(f"{name}: {(OUT / name).stat().st_size / 1024:.0f} KB, "
                     f"{len(font.getBestCmap())} characters\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path, help="folder with the downloaded font packages")
    args = parser.parse_args(argv)
    src: Path = args.src
    OUT.mkdir(parents=True, exist_ok=True)

    sans = _from_wheel(src, "fontpkg_noto_sans-*.whl", "fontpkg_noto_sans/files/NotoSans[wdth,wght].ttf")
    arabic = _from_wheel(src, "fontpkg_noto_sans_arabic-*.whl",
                         "fontpkg_noto_sans_arabic/files/NotoSansArabic[wdth,wght].ttf")
    for weight, suffix in ((400, "Regular"), (700, "Bold")):
        _save(_static(sans, weight), f"NotoSans-{suffix}.ttf")
        _save(_static(arabic, weight), f"NotoSansArabic-{suffix}.ttf")
        hebrew = _from_npm(src, "fontsource-noto-sans-hebrew-*.tgz",
                           f"files/noto-sans-hebrew-hebrew-{weight}-normal.woff")
        _save(_static(hebrew, weight), f"NotoSansHebrew-{suffix}.ttf")
    sc = _static(_from_npm(src, "fontsource-noto-sans-sc-*.tgz",
                           "files/noto-sans-sc-chinese-simplified-400-normal.woff"), 400)
    have = set(sc.getBestCmap())
    _save(sc, "NotoSansSC-Regular.ttf")
    jp = _static(_from_npm(src, "fontsource-noto-sans-jp-*.tgz",
                           "files/noto-sans-jp-japanese-400-normal.woff"), 400)
    _save(jp, "NotoSansJP-Regular.ttf", [c for c in jp.getBestCmap() if c not in have or c in KANA])
    kr = _static(_from_npm(src, "fontsource-noto-sans-kr-*.tgz",
                           "files/noto-sans-kr-korean-400-normal.woff"), 400)
    _save(kr, "NotoSansKR-Regular.ttf", [c for c in kr.getBestCmap() if c in set(HANGUL)])
    # One licence for all of them (SIL OFL 1.1), after every font's own copyright line.
    notices = sorted({TTFont(f)["name"].getDebugName(0) for f in OUT.glob("*.ttf")})
    ofl = _from_wheel(src, "fontpkg_noto_sans-*.whl", "fontpkg_noto_sans/LICENSE").decode()
    body = ofl[ofl.index("This Font Software is licensed"):]
    (OUT / "OFL.txt").write_text("\n".join(notices) + "\n\n" + body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
