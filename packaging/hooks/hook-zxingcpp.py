# zxing-cpp's native module (the barcode reader behind badge scans) sits inside the package and
# is imported by its `__init__`, which analysis does not follow into a binary: name it.
from PyInstaller.utils.hooks import collect_dynamic_libs

binaries = collect_dynamic_libs("zxingcpp")
hiddenimports = ["zxingcpp.zxingcpp"]
