"""Refresh the vendored copy of KERN (site/static/kern/) from npm: `make kern`.

KERN is the open UX standard and design system of the German administration, published on npm
as @kern-ux/native under the EUPL-1.2. The portal serves its built stylesheet and fonts itself
(WhiteNoise, no CDN), so `make run` and `make test` need no npm: this script is only run to move
to another version. It fetches the package with `npm pack` (npm checks the tarball against the
registry's integrity hash), copies what the portal uses – the built stylesheet, the Fira Sans
weights KERN's tokens name (400, 500, 600, 700 and the italics of 400 and 700), the licence – and
writes SOURCE.txt with the version, the tarball's integrity and a SHA-256 per file, which
tests/test_kern.py checks against the files.

    python tools/vendor_kern.py 2.7.2
"""

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@kern-ux/native"
TARGET = Path(__file__).resolve().parent.parent / "site" / "static" / "kern"
STYLESHEET = "dist/kern.min.css"
FONT_CSS = "dist/fonts/fira-sans.css"
# (font-weight, font-style) of the faces the portal keeps; KERN's tokens use 400, 500 and 600,
# browsers draw <strong> and <b> at 700.
FONT_FACES = {("400", "normal"), ("400", "italic"), ("500", "normal"), ("600", "normal")}
FONT_FACES |= {("700", "normal"), ("700", "italic")}
FACE = re.compile(r"@font-face\s*\{[^}]*\}", re.S)


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(version, workdir):
    """The unpacked package and the integrity hash npm verified it against."""
    result = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{version}", "--json", "--pack-destination", str(workdir)],
        check=True,
        capture_output=True,
        text=True,
    )
    (packed,) = json.loads(result.stdout)
    with tarfile.open(workdir / packed["filename"]) as archive:
        archive.extractall(workdir, filter="data")
    return workdir / "package", packed["version"], packed["integrity"]


def kept_faces(css):
    """KERN's @font-face rules for the weights the portal keeps, and the font files they name."""
    faces, files = [], []
    for face in FACE.findall(css):
        weight = re.search(r"font-weight:\s*(\d+)", face).group(1)
        style = re.search(r"font-style:\s*(\w+)", face).group(1)
        if (weight, style) in FONT_FACES:
            faces.append(face)
            files.extend(re.findall(r'url\("\./([^"]+)"\)', face))
    return faces, files


def vendor(version):
    with tempfile.TemporaryDirectory() as tmp:
        package, version, integrity = fetch(version, Path(tmp))
        if TARGET.exists():
            shutil.rmtree(TARGET)
        (TARGET / "fonts").mkdir(parents=True)
        shutil.copy(package / STYLESHEET, TARGET / "kern.min.css")
        shutil.copy(package / "LICENSE.md", TARGET / "LICENSE.md")
        faces, files = kept_faces((package / FONT_CSS).read_text())
        if len(faces) != len(FONT_FACES):
            sys.exit(f"KERN's font faces changed upstream, check FONT_FACES: {files}")
        header = f"/* Fira Sans from {PACKAGE} {version} ({FONT_CSS}): the weights in use. */"
        (TARGET / "fonts" / "fira-sans.css").write_text(header + "\n" + "\n\n".join(faces) + "\n")
        for name in files:
            (TARGET / "fonts" / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(package / "dist" / "fonts" / name, TARGET / "fonts" / name)
    vendored = sorted(p for p in TARGET.rglob("*") if p.is_file())
    lines = [
        f"package: {PACKAGE}",
        f"version: {version}",
        "licence: EUPL-1.2 (LICENSE.md)",
        f"integrity: {integrity}",
        "refresh: make kern KERN_VERSION=<version>",
        "",
        *(f"{sha256(path)}  {path.relative_to(TARGET)}" for path in vendored),
    ]
    (TARGET / "SOURCE.txt").write_text("\n".join(lines) + "\n")
    size = sum(path.stat().st_size for path in vendored)
    print(f"{PACKAGE} {version}: {len(vendored)} files, {size // 1024} KiB in {TARGET}")


if __name__ == "__main__":
    vendor(sys.argv[1] if len(sys.argv) > 1 else "latest")
