"""Every sentence shown to a person about a problem, in Vietnamese (default) and English, keyed by code.

The scoring core emits codes and parameters only; the CLI, the GUI and the documents all word them here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ocop_desktop.domain.errors import Problem
from ocop_desktop.domain.text import fill

DEFAULT_LANG = "vi"
LANGS = ("vi", "en")


def language_of(environ: Mapping[str, str]) -> str:
    """The person's language as their system names it (POSIX order: LC_ALL, then LC_MESSAGES, then LANG): English
    for an English locale, else Vietnamese, the application's own — "C", "POSIX" and other languages included."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANG
    return DEFAULT_LANG


_TEXTS: dict[str, tuple[str, str]] = {
    # ballots and the score command
    "ballot.unknown_item": (
        "không có tiêu chí «{item}» trong phiếu {sheet}",
        "there is no item '{item}' on sheet {sheet}",
    ),
    "ballot.scored_via_sub_criteria": (
        "tiêu chí {item} được chấm qua các tiêu chí con ({subs}), không chấm trực tiếp",
        "item {item} is scored through its sub-criteria ({subs}), not directly",
    ),
    "ballot.missing_item": ("chưa chọn phương án cho tiêu chí {item}", "no option chosen for item {item}"),
    "ballot.missing_items": (
        "chưa chọn phương án cho {count} tiêu chí: {items}",
        "no option chosen for {count} {count:item|items}: {items}",
    ),
    "ballot.option_out_of_range": (
        "phương án số {option} không có; tiêu chí {item} có các phương án từ 1 đến {count}",
        "there is no option {option}; item {item} has options 1 to {count}",
    ),
    "ballot.option_out_of_range_conditional": (
        "phương án số {option} không có; tiêu chí {item} có các phương án từ 1 đến {count}, hoặc 0 nếu không áp dụng",
        "there is no option {option}; item {item} has options 1 to {count}, or 0 when it does not apply",
    ),
    "ballot.bad_option_number": (
        "phương án của tiêu chí {item} phải là một số nguyên (nhận được: {value})",
        "the option for item {item} must be a whole number (got: {value})",
    ),
    "ballot.mixed_cases": (
        "phiếu chọn trường hợp khác nhau ở các tiêu chí ({detail}); phiếu vẫn được nhận vì mỗi tiêu chí "
        '"lựa chọn một trong hai trường hợp" riêng — xin kiểm tra lại nếu không cố ý',
        "the ballot takes different cases on different criteria ({detail}); it is accepted, since each criterion "
        '"chooses one of two cases" on its own — please check if this was not intended',
    ),
    "ballot.bad_member": ("thông tin thành viên không hợp lệ: {detail}", "invalid member entry: {detail}"),
    "ballot.duplicate_member": ("tên thành viên bị trùng", "the member name appears twice"),
    "result.no_scoring_member": (
        "không có thành viên nào chấm điểm (tất cả vắng mặt hoặc không tham gia chấm)",
        "no member scores (all are absent or recused)",
    ),
    "i18n.catalogue_missing": (
        "không tìm thấy bản dịch tiếng Anh của giao diện ({file}): giao diện vẫn bằng tiếng Việt; hãy cài lại phần mềm",
        "the English interface catalogue is missing ({file}): the interface stays in Vietnamese; reinstall the "
        "application",
    ),
    "input.not_json": (
        "tệp không phải JSON hợp lệ (dòng {line}, cột {column}): {detail}",
        "the file is not valid JSON (line {line}, column {column}): {detail}",
    ),
    "input.unreadable": ("không đọc được tệp: {detail}", "the file cannot be read: {detail}"),
    "input.not_a_file": (
        "đây không phải một tệp mà là {what}; không mở, không có gì thay đổi — hãy chọn một tệp",
        "this is not a file but {what}; not opened, nothing changed — choose a file",
    ),
    # the one validation vocabulary (domain/values.py): each names its field
    "value.not_integer": (
        "«{field}» phải là một số nguyên viết bằng các chữ số 0–9 (nhận được: {value})",
        "'{field}' must be a whole number written with the digits 0–9 (got: {value})",
    ),
    "value.too_many_digits": ("«{field}» có hơn {max} chữ số", "'{field}' has more than {max} digits"),
    "value.out_of_range": (
        "«{field}» phải từ {low} đến {high} (nhận được: {value})",
        "'{field}' must be from {low} to {high} (got: {value})",
    ),
    "value.not_text": ("«{field}» phải là văn bản", "'{field}' must be text"),
    "value.control_char": (
        "«{field}» chứa ký tự điều khiển {char} ở vị trí {at}",
        "'{field}' holds the control character {char} at position {at}",
    ),
    "value.not_nfc": ("«{field}» không ở dạng Unicode NFC", "'{field}' is not in Unicode NFC form"),
    "value.too_long": (
        "«{field}» dài {length} ký tự, tối đa {max}",
        "'{field}' is {length} characters long, at most {max}",
    ),
    "value.not_decimal": (
        "«{field}» phải là một số không âm, ví dụ 10 hoặc 7,5 (nhận được: {value})",
        "'{field}' must be a non-negative number, e.g. 10 or 7.5 (got: {value})",
    ),
    "value.not_in_list": (
        "«{field}» không nhận giá trị «{value}» (chỉ nhận: {allowed})",
        "'{field}' does not take the value '{value}' (allowed: {allowed})",
    ),
    "value.not_date": ("«{field}» không phải một ngày (nhận được: {value})", "'{field}' is not a date (got: {value})"),
    "input.json_too_deep": (
        "tệp JSON lồng nhau quá {max} tầng; không đọc",
        "the JSON nests deeper than {max} levels; not read",
    ),
    "input.json_too_big": ("tệp JSON lớn hơn {mb} MB; không đọc", "the JSON is larger than {mb} MB; not read"),
    "excel.damaged": (
        "tệp Excel bị hỏng: không đọc được phần {part} ({detail}); không có gì được lưu",
        "the workbook is damaged: part {part} cannot be read ({detail}); nothing was saved",
    ),
    "file.read_only": (
        "không ghi được vào thư mục {folder}: thư mục chỉ cho đọc hoặc bạn không có quyền ghi; chưa có tệp nào được "
        "tạo hay thay đổi — hãy chọn thư mục khác",
        "cannot write into the folder {folder}: it is read-only or you may not write there; no file was made or "
        "changed — choose another folder",
    ),
    "file.disk_full": (
        "ổ đĩa chứa {folder} đã đầy; không có gì thay đổi: tệp {file} chưa được ghi, các tệp và dữ liệu đã có vẫn "
        "giữ nguyên — hãy giải phóng chỗ trống rồi làm lại",
        "the disk holding {folder} is full; nothing was changed: {file} was not written, the files and data "
        "already there are kept as they were — free some space and try again",
    ),
    "input.bad_field": ("«{field}» không hợp lệ: {detail}", "'{field}' is not valid: {detail}"),
    "input.missing_field": ("chưa điền «{field}»", "'{field}' is not filled in"),
    "setup.no_session": (
        "đợt này chưa có phiên họp nào: thêm phiên họp trước",
        "this round has no meeting session yet: add one first",
    ),
    "input.bad_time": (
        "giờ phải viết dạng giờ:phút, ví dụ 08:00 hoặc 16:30 (nhận được: {value})",
        "a time must be written hours:minutes, e.g. 08:00 or 16:30 (got: {value})",
    ),
    "input.bad_spread_limit": (
        "ngưỡng chênh lệch phải là số không âm (nhận được: {value})",
        "the spread limit must be a non-negative number (got: {value})",
    ),
    "decision.no_reason": ("quyết định của hội đồng phải ghi lý do", "a council decision needs a reason"),
    "decision.no_item": ("quyết định «{kind}» phải nêu tiêu chí áp dụng", "a '{kind}' decision must name its item"),
    "decision.unknown_item": ("không có tiêu chí «{item}» trong phiếu", "there is no item '{item}' on the sheet"),
    "decision.item_has_no_rule": (
        "tiêu chí {item} không có quy định «{kind}» trong bộ tiêu chí",
        "item {item} carries no '{kind}' rule in the criteria",
    ),
    "decision.bad_kind": (
        "loại quyết định «{kind}» không có; dùng elimination, stop hoặc dossier_rejected",
        "unknown decision kind '{kind}'; use elimination, stop or dossier_rejected",
    ),
    # the data file
    "db.missing": ("không có tệp dữ liệu này", "this data file does not exist"),
    "db.unreadable": ("không đọc được tệp dữ liệu: {detail}", "the data file cannot be read: {detail}"),
    "db.not_sqlite": ("đây không phải tệp dữ liệu SQLite", "this is not an SQLite data file"),
    "db.not_ocop": ("đây không phải tệp dữ liệu của OCOP Desktop", "this is not an OCOP Desktop data file"),
    "db.damaged": (
        "tệp dữ liệu bị hỏng ({detail}); hãy khôi phục từ bản sao lưu gần nhất",
        "the data file is damaged ({detail}); restore the latest backup",
    ),
    "db.too_new": (
        "tệp được tạo bởi phiên bản mới hơn của phần mềm (lược đồ {revision}); hãy cập nhật phần mềm",
        "the file was made by a newer version of the application (schema {revision}); update the application",
    ),
    "db.needs_upgrade": (
        "tệp dùng lược đồ cũ {revision}; hãy mở bằng phần mềm để nâng cấp (có sao lưu tự động)",
        "the file uses the older schema {revision}; open it in the application to upgrade it (backed up first)",
    ),
    "db.backup_failed": ("bản sao lưu không đạt kiểm tra: {detail}", "the backup failed its check: {detail}"),
    "db.not_found": ("không tìm thấy {what} «{id}»", "{what} '{id}' not found"),
    "db.snapshot_missing": ("thiếu dữ liệu bộ tiêu chí {sha}", "criteria data {sha} is missing"),
    "db.snapshot_altered": ("dữ liệu bộ tiêu chí {sha} đã bị sửa", "criteria data {sha} has been altered"),
    "db.restore_refused": (
        "không khôi phục từ tệp này vì nó không đạt kiểm tra: {detail}",
        "this file is not restored because it fails verification: {detail}",
    ),
    "db.in_use": (
        "tệp dữ liệu đang được mở để ghi ở nơi khác: tài khoản {account}, máy {host}, tiến trình {pid}, từ {since}; "
        "hãy đóng tệp ở đó rồi mở lại (không có gì được ghi)",
        "the data file is open for writing elsewhere: account {account}, computer {host}, process {pid}, since "
        "{since}; close it there and open it again (nothing was written)",
    ),
    "db.file_replaced": (
        "tệp dữ liệu đã bị xóa hoặc bị thay bằng tệp khác trong khi đang mở: thay đổi vừa rồi không được lưu và "
        "không ghi thêm gì nữa; hãy đóng tệp; bản sao lưu gần nhất: {backup}",
        "the data file was deleted or replaced by another file while open: the last change was not saved and "
        "nothing more is written; close the file; the latest backup is {backup}",
    ),
    "db.file_replaced_no_backup": (
        "tệp dữ liệu đã bị xóa hoặc bị thay bằng tệp khác trong khi đang mở: thay đổi vừa rồi không được lưu và "
        "không ghi thêm gì nữa; hãy đóng tệp (chưa có bản sao lưu nào cạnh tệp)",
        "the data file was deleted or replaced by another file while open: the last change was not saved and "
        "nothing more is written; close the file (there is no backup beside it yet)",
    ),
    "db.schema_extra": (
        "tệp có {object} «{name}» trên bảng «{table}» mà lược đồ {revision} của phần mềm không có",
        "the file holds a {object} '{name}' on table '{table}' that schema {revision} of the application does not have",
    ),
    "db.schema_missing": (
        "tệp thiếu {object} «{name}» (bảng «{table}») mà lược đồ {revision} của phần mềm có",
        "the file lacks the {object} '{name}' (table '{table}') that schema {revision} of the application has",
    ),
    "db.schema_changed": (
        "{object} «{name}» (bảng «{table}») khác với định nghĩa trong lược đồ {revision} (cột, ràng buộc hoặc "
        "câu lệnh đã bị sửa)",
        "the {object} '{name}' (table '{table}') differs from its definition in schema {revision} (a column, a "
        "constraint or its statement was changed)",
    ),
    "db.schema_refused": (
        "tệp không được mở vì cấu trúc của nó đã bị sửa ngoài phần mềm; không có gì được ghi; hãy khôi phục từ bản "
        "sao lưu",
        "the file was not opened because its structure was changed outside the application; nothing was written; "
        "restore a backup",
    ),
    "db.nothing_restored": (
        "bản sao lưu này có cấu trúc khác với phiên bản của nó: không khôi phục gì, tệp hiện tại giữ nguyên",
        "this backup's structure differs from its version's: nothing was restored, the current file is unchanged",
    ),
    "first_run.file_exists": (
        "đã có dữ liệu ở đây; hãy chọn thư mục hoặc tên tệp khác, hoặc mở chính tệp này",
        "there is data here already; choose another folder or file name, or open this file",
    ),
    "first_run.is_folder": ("đây là một thư mục, không phải tệp dữ liệu", "this is a folder, not a data file"),
    "first_run.not_writable": (
        "không ghi được vào thư mục này; hãy chọn thư mục khác",
        "this folder cannot be written to; choose another folder",
    ),
    "first_run.bad_level": ("hội đồng là cấp tỉnh hoặc cấp xã", "a council is of province or commune level"),
    "first_run.no_province": ("chưa chọn tỉnh, thành phố của hội đồng", "choose the council's province or city"),
    "first_run.no_commune": (
        "hội đồng cấp xã: chưa chọn xã, phường, đặc khu",
        "a commune council: choose its commune, ward or special zone",
    ),
    "first_run.no_council_name": ("chưa ghi tên hội đồng", "the council's name is missing"),
    "first_run.no_issuing_body": ("chưa ghi tên cơ quan ban hành", "the issuing body's name is missing"),
    "first_run.form_failed": (
        "không lưu được phiếu đăng ký khóa ({detail}); có thể lưu lại trong menu Khóa ký",
        "the key registration form was not saved ({detail}); save it again from the Signing key menu",
    ),
    "demo.exists": (
        "tệp đã có; hãy chọn tên tệp mới cho dữ liệu mẫu",
        "the file exists; choose a new file for the demo",
    ),
    "demo.cannot_write": (
        "không tạo được tệp dữ liệu mẫu ở đây: {detail}; hãy chọn nơi khác (--out hoặc --db)",
        "the demo data file cannot be made here: {detail}; choose another place (--out or --db)",
    ),
    "demo.ballots_alone": (
        "--ballots chỉ chấm bộ phiếu mẫu; không dùng cùng --db, --out, --screenshots hay --before-meeting",
        "--ballots only scores the bundled demo ballots; it does not go with --db, --out, --screenshots or "
        "--before-meeting",
    ),
    "demo.before_meeting_alone": (
        "--before-meeting mở đợt mẫu như lúc khai mạc phiên họp; hãy dùng cùng --demo",
        "--before-meeting opens the demo round as the meeting opens; use it with --demo",
    ),
    "exchange.not_nfc": (
        "văn bản ở bảng {table}, cột {column} không ở dạng Unicode NFC",
        "text in table {table}, column {column} is not Unicode NFC",
    ),
    "exchange.bad_value": (
        "giá trị kiểu {value} ở bảng {table}, cột {column} không được phép (chỉ số nguyên, văn bản, dữ liệu tệp)",
        "a {value} value in table {table}, column {column} is not allowed (integers, text and file data only)",
    ),
    "exchange.write_check_failed": (
        "đọc lại tệp {file} vừa ghi không khớp; tệp chưa được tạo, hãy thử lại hoặc chọn nơi lưu khác",
        "reading back {file} did not match what was written; the file was not made, try again or elsewhere",
    ),
    "exchange.unreadable": ("không đọc được tệp: {detail}", "the file cannot be read: {detail}"),
    "exchange.too_big": ("tệp quá lớn (tối đa {mb} MB)", "the file is too large (at most {mb} MB)"),
    "exchange.not_sqlite": (
        "tệp không phải tệp trao đổi OCOP (không phải cơ sở dữ liệu SQLite)",
        "the file is not an OCOP exchange file (not an SQLite database)",
    ),
    "exchange.damaged": ("tệp bị hỏng: {detail}", "the file is damaged: {detail}"),
    "exchange.unexpected_object": (
        "tệp chứa {what} «{name}» trên bảng «{table}» mà định dạng tệp trao đổi {version} không có; không nhập gì",
        "the file holds {what} '{name}' on table '{table}' that exchange format {version} does not have; nothing "
        "was imported",
    ),
    "exchange.extra_object": (
        "tệp chứa {what} «{name}» mà định dạng tệp trao đổi {version} không có; không nhập gì",
        "the file holds {what} '{name}' that exchange format {version} does not have; nothing was imported",
    ),
    "exchange.missing_table": ("tệp thiếu bảng {table}", "the file lacks table {table}"),
    "exchange.unexpected_columns": (
        "các cột của bảng {table} khác với định dạng tệp trao đổi",
        "the columns of table {table} differ from the exchange format",
    ),
    "exchange.bad_manifest": (
        "phần mô tả (manifest) của tệp không hợp lệ; thiếu hoặc sai: {key}",
        "the file's manifest is invalid; missing or wrong: {key}",
    ),
    "exchange.not_exchange": ("tệp không phải tệp trao đổi OCOP", "the file is not an OCOP exchange file"),
    "exchange.newer_format": (
        "tệp được tạo bằng phiên bản mới hơn (định dạng {version}); hãy cập nhật phần mềm",
        "the file was made by a newer version (format {version}); update the software",
    ),
    "exchange.bad_type": (
        "giá trị sai kiểu hoặc sai dạng ở bảng {table}, cột {column} (dòng {row})",
        "a value of the wrong type or form in table {table}, column {column} (row {row})",
    ),
    "exchange.rule_broken": (
        "dữ liệu bảng {table} trái quy tắc của cơ sở dữ liệu: {detail}",
        "the rows of table {table} break a rule of the database: {detail}",
    ),
    "import.invalid.content": (
        "nội dung tệp đã bị thay đổi sau khi ký (mã xác thực tính lại: {computed}); không nhập",
        "the file's content was changed after signing (recomputed code: {computed}); not imported",
    ),
    "import.invalid.signature": (
        "chữ ký của tệp không hợp lệ; không nhập",
        "the file's signature is not valid; not imported",
    ),
    "import.untrusted_key": (
        "tệp được ký bằng khóa {key_id} chưa đăng ký tại đây; hãy đăng ký khóa của hội đồng (sau khi đối chiếu "
        "phiếu đăng ký) hoặc chấp nhận riêng tệp này (--accept-key {key_id}, được ghi nhật ký)",
        "the file is signed with key {key_id}, not registered here; register the council's key (after comparing "
        "its registration form) or accept this file alone (--accept-key {key_id}, recorded in the audit trail)",
    ),
    "import.key_revoked": (
        "khóa {key_id} đã bị thu hồi từ ngày {since}; tệp ký từ ngày đó không được nhận",
        "key {key_id} is revoked since {since}; files signed from that date are refused",
    ),
    "import.signed_before_revocation": (
        "khóa {key_id} đã bị thu hồi từ ngày {since}; tệp này ký trước ngày đó nên được nhận — hãy đối chiếu mã "
        "xác thực với biên bản giấy",
        "key {key_id} is revoked since {since}; this file was signed before and is accepted — compare its "
        "verification code with the paper minutes",
    ),
    "import.key_for_other_council": (
        "tệp ghi hội đồng «{council}» ({council_id}) nhưng được ký bằng khóa {key_id}, khóa đã đăng ký cho hội đồng "
        "«{bound}» ({bound_id}); một khóa chỉ ký cho một hội đồng — không nhập gì",
        "the file names council '{council}' ({council_id}) but is signed with key {key_id}, registered for council "
        "'{bound}' ({bound_id}); a key signs for one council only — nothing was imported",
    ),
    "import.key_used_by_other_council": (
        "tệp ghi hội đồng «{council}» ({council_id}) nhưng khóa ký {key_id} đã mang đến đây tệp của hội đồng "
        "«{bound}» ({bound_id}); một khóa chỉ ký cho một hội đồng — không nhập gì",
        "the file names council '{council}' ({council_id}) but its key {key_id} has brought files of council "
        "'{bound}' ({bound_id}) here; a key signs for one council only — nothing was imported",
    ),
    "import.revision_jump": (
        "tệp là lần gửi {revision} của đợt này, vượt quá {limit} lần so với lần gửi {highest} đã nhập; một hội đồng "
        "không xuất tệp nhiều đến thế giữa hai lần gửi — không nhập gì, hãy liên hệ hội đồng",
        "the file is revision {revision} of this round, more than {limit} above revision {highest} imported here; a "
        "council does not export that often between two files — nothing was imported, contact the council",
    ),
    "import.counts_differ": (
        "số dòng trong tệp khác với số dòng đã ký trong phần mô tả",
        "the file's row counts differ from those signed in its manifest",
    ),
    "import.out_of_scope": (
        "tệp chứa dữ liệu ngoài phạm vi của nó (bảng {tables})",
        "the file holds rows outside its scope (tables {tables})",
    ),
    "import.ballot_for_another_member": (
        "tệp phiếu của thành viên «{member}» chứa phiếu của thành viên khác; không nhập",
        "the ballots file of member '{member}' holds another member's ballots; not imported",
    ),
    "import.manifest_differs": (
        "đợt, hội đồng hoặc bộ tiêu chí trong tệp khác với phần mô tả đã ký",
        "the round, council or rule version in the file differ from its signed manifest",
    ),
    "import.dangling": (
        "bảng {table} trỏ tới bản ghi không có trong tệp (bảng {parent})",
        "table {table} points at a record the file does not hold (table {parent})",
    ),
    "import.round_missing": (
        "chưa có đợt «{round}» ở đây: hãy nhập tệp của đợt trước",
        "round '{round}' is not here: import the round's file first",
    ),
    "import.unknown_item": (
        "tiêu chí {item} không có trong phiếu chấm của sản phẩm",
        "item {item} is not on the product's scoring sheet",
    ),
    "import.malformed": (
        "tệp có dữ liệu không đúng cấu trúc, không tính lại được ({detail})",
        "the file holds data of the wrong shape, which cannot be recomputed ({detail})",
    ),
    "import.unknown_option": ("tiêu chí {item} không có phương án {option}", "item {item} has no option {option}"),
    "import.already": (
        "lần gửi {revision} này đã được nhập ngày {at}; không có gì thay đổi",
        "revision {revision} was imported on {at} already; nothing changes",
    ),
    "import.equivocation": (
        "CẢNH BÁO: đã nhập một tệp lần gửi {revision} với nội dung KHÁC; có hai phiên bản đã ký khác nhau của "
        "cùng một lần gửi — không nhập, hãy liên hệ hội đồng",
        "WARNING: a revision {revision} with DIFFERENT content was imported already; two different signed versions "
        "of one revision exist — not imported, contact the council",
    ),
    "import.older_revision": (
        "tệp là lần gửi {revision}, cũ hơn lần gửi {highest} đã nhập; không nhập",
        "the file is revision {revision}, older than revision {highest} already imported; not imported",
    ),
    "import.changed_submitted_ballot": (
        "tệp thay đổi một phiếu đã nộp (phiếu đã nộp không được sửa)",
        "the file changes a submitted ballot (a submitted ballot cannot change)",
    ),
    "import.changed_approved_result": ("tệp thay đổi một kết quả đã phê duyệt", "the file changes an approved result"),
    "import.changed_revoked_certificate": (
        "tệp thay đổi một giấy chứng nhận đã thu hồi",
        "the file changes a revoked certificate",
    ),
    "import.changed_snapshot": ("tệp thay đổi một bộ tiêu chí đã lưu", "the file changes a stored set of criteria"),
    "import.same_natural_key": (
        "bảng {table}: {columns} «{value}» đã có ở đây với mã bản ghi khác ({held})",
        "table {table}: {columns} '{value}' is held here by another record ({held})",
    ),
    "import.owned_by_other_council": (
        "tệp thay đổi bản ghi (bảng {table}) thuộc hội đồng khác",
        "the file changes a record (table {table}) of another council",
    ),
    "import.changed_not_imported": (
        "tệp thay đổi {count} bản ghi bảng {table} của một đợt chưa từng được nhập từ hội đồng này",
        "the file changes {count} {count:row|rows} of table {table} in a round never imported from this council",
    ),
    "import.product_two_councils": (
        "sản phẩm «{product}» đã được hội đồng «{council}» đánh giá năm {year}; cần người có thẩm quyền quyết định",
        "product '{product}' was evaluated by council '{council}' in {year}; a person must decide",
    ),
    "import.member_not_in_council": (
        "«{member}» không phải thành viên hội đồng của đợt này",
        "'{member}' is not a member of this round's council",
    ),
    "import.key_of_another_member": (
        "khóa {key_id} đã gửi phiếu của một thành viên khác trong đợt này; không nhập",
        "key {key_id} already brought another member's ballots in this round; not imported",
    ),
    "import.dossier_not_in_round": (
        "phiếu cho hồ sơ {dossier} không thuộc đợt này",
        "a ballot for dossier {dossier} is not of this round",
    ),
    "import.file_changed": (
        "tệp đã thay đổi kể từ khi xem trước; hãy xem trước lại",
        "the file changed since the preview; preview it again",
    ),
    "import.rows_kept": (
        "{count} bản ghi bảng {table} có ở đây nhưng không có trong tệp: giữ nguyên, không xóa",
        "{count} {count:row|rows} of table {table} {count:is|are} here but not in the file: kept, not deleted",
    ),
    "import.ballots_kept": (
        "{count} phiếu có ở đây nhưng không có trong tệp (ví dụ phiếu nháp trên máy này): giữ nguyên",
        "{count} {count:ballot is|ballots are} here but not in the file (e.g. drafts on this laptop): kept",
    ),
    "documents.certificate_differs": (
        "giấy chứng nhận ghi {stars} sao nhưng kết quả tính lại từ phiếu chấm không còn như vậy; không in giấy này",
        "the certificate says {stars} {stars:star|stars} but the result recomputed from the ballots no longer does; "
        "not printed",
    ),
    "documents.no_certificates": (
        "đợt này chưa có giấy chứng nhận nào: cần ghi nhận quyết định công nhận trước",
        "this round has no certificates yet: record the recognition decision first",
    ),
    "certificate.template_shape": (
        "mẫu giấy chứng nhận phải là một đối tượng JSON có danh sách «elements»",
        "a certificate template must be a JSON object with an 'elements' list",
    ),
    "certificate.template_bad_page": (
        "khổ giấy không hợp lệ: {page} (dùng size A4 hoặc A5, orientation landscape hoặc portrait)",
        "invalid page: {page} (use size A4 or A5, orientation landscape or portrait)",
    ),
    "certificate.template_bad_type": (
        "loại thành phần «{type}» không có; dùng text, stars, qr, frame hoặc line",
        "there is no element type '{type}'; use text, stars, qr, frame or line",
    ),
    "certificate.template_missing_key": ("thiếu khóa «{key}»", "key '{key}' is missing"),
    "certificate.template_bad_value": (
        "giá trị của «{key}» không hợp lệ: {value}",
        "invalid value for '{key}': {value}",
    ),
    "certificate.template_unknown_field": (
        "trường «{field}» không có; các trường dùng được: {fields}",
        "there is no field '{field}'; the fields are: {fields}",
    ),
    "certificate.template_no_qr": (
        "mẫu giấy chứng nhận phải có một thành phần «qr» (mã QR để kiểm tra giấy chứng nhận)",
        "a certificate template must have a 'qr' element (the QR code that verifies the certificate)",
    ),
    "certificate.template_too_large": (
        "tệp mẫu quá lớn (tối đa {limit})",
        "the template file is too large (at most {limit})",
    ),
    "certificate.background_missing": ("không tìm thấy ảnh nền: {path}", "background image not found: {path}"),
    "certificate.no_qr": (
        "không đọc được mã QR nào trong tệp (tệp không phải giấy chứng nhận, hoặc bản in quá mờ)",
        "no QR code could be read in the file (not a certificate, or the print is too faint)",
    ),
    "key.bad_public_key": (
        "tệp không chứa khóa công khai hợp lệ (tệp do lệnh «keys export» tạo, hoặc một dòng <khóa> <tên đơn vị>)",
        "the file holds no valid public key (a file made by 'keys export', or one line <key> <issuer name>)",
    ),
    "key.none": (
        "máy này chưa có khóa ký của hội đồng; hãy tạo khóa (menu Khóa ký, hoặc lệnh «ocop-desktop keys create»)",
        "there is no council signing key on this computer; create one (menu Signing key, or "
        "'ocop-desktop keys create')",
    ),
    "key.locked": (
        "khóa ký của hội đồng đang khóa: cần nhập cụm mật khẩu để ký",
        "the council's signing key is locked: its passphrase is needed to sign",
    ),
    "key.wrong_passphrase": (
        "cụm mật khẩu không đúng; khóa ký vẫn đang khóa",
        "the passphrase is wrong; the signing key stays locked",
    ),
    "key.passphrase_too_short": (
        "cụm mật khẩu phải có ít nhất {minimum} ký tự (nên dùng vài từ dễ nhớ, khó đoán)",
        "the passphrase needs at least {minimum} characters (a few words easy to remember and hard to guess)",
    ),
    "key.passphrase_too_long": (
        "cụm mật khẩu dài quá {maximum} ký tự",
        "the passphrase is longer than {maximum} characters",
    ),
    "key.passphrase_mismatch": (
        "hai lần nhập cụm mật khẩu không giống nhau",
        "the two passphrases typed differ",
    ),
    "key.passphrase_needed": (
        "cần cụm mật khẩu của khóa ký: dùng --passphrase-file TỆP, biến môi trường OCOP_KEY_PASSPHRASE, "
        "hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi",
        "the signing key's passphrase is needed: use --passphrase-file FILE, the environment variable "
        "OCOP_KEY_PASSPHRASE, or run the command in a terminal to be asked",
    ),
    "key.exists": (
        "máy này đã có khóa ký {key_id}; đổi cụm mật khẩu bằng «keys passphrase»",
        "this computer already has signing key {key_id}; change its passphrase with 'keys passphrase'",
    ),
    "key.damaged": ("tệp khóa ký hỏng hoặc không đúng định dạng ({detail})", "the key file is damaged ({detail})"),
    "key.revocation_damaged": (
        "bản ghi thu hồi của khóa hỏng, không đọc được ngày thu hồi ({detail}); không tin khóa này cho đến khi ghi lại "
        "việc thu hồi (ocop-desktop keys revoke)",
        "the key's revocation record is damaged and its date cannot be read ({detail}); the key is not trusted until "
        "the revocation is recorded again (ocop-desktop keys revoke)",
    ),
    "key.newer_format": (
        "tệp khóa ký thuộc phiên bản {version}, mới hơn phần mềm này; hãy cập nhật phần mềm",
        "the key file is of version {version}, newer than this software; please update it",
    ),
    "key.unknown_id": (
        "không có khóa {key_id} trong danh sách khóa tin cậy (xem «keys list»)",
        "there is no key {key_id} among the trusted keys (see 'keys list')",
    ),
    "key.confirm_needed": (
        "cần xác nhận đã đối chiếu mã khóa với phiếu đăng ký bản giấy: chạy trong cửa sổ dòng lệnh, hoặc thêm --yes",
        "confirm that the key id was compared with the paper registration form: run in a terminal, or add --yes",
    ),
    "key.not_confirmed": (
        "chưa xác nhận mã khóa; khóa không được thêm",
        "the key id was not confirmed; the key was not added",
    ),
    "key.issuer_needed": (
        "cần tên hội đồng hoặc đơn vị ghi kèm khóa (--issuer)",
        "the name of the council or body that holds the key is needed (--issuer)",
    ),
    "key.reason_needed": ("cần ghi lý do thu hồi khóa", "a reason for revoking the key is needed"),
    "key.council_needed": (
        "tệp dữ liệu có nhiều hội đồng; hãy chọn hội đồng mà khóa ký cho (--council ID): {councils}",
        "the data file holds several councils; choose the council the key signs for (--council ID): {councils}",
    ),
    "certificate.unreadable_pdf": ("không mở được tệp PDF: {detail}", "the PDF cannot be opened: {detail}"),
    "certificate.not_an_image": (
        "tệp không phải ảnh (PNG, JPEG) hay PDF đọc được: {detail}",
        "the file is not a picture (PNG, JPEG) or a PDF that can be read: {detail}",
    ),
    "certificate.image_too_large": (
        "ảnh quá lớn (tối đa {limit} triệu điểm ảnh); hãy chụp hoặc quét lại ở độ phân giải thấp hơn",
        "the picture is too large (at most {limit} million pixels); take or scan it again at a lower resolution",
    ),
    "certificate.file_too_large": ("tệp quá lớn (tối đa {limit})", "the file is too large (at most {limit})"),
    # files the window previews or hands to the system's own applications
    "pdf.unreadable": (
        "không đọc được tệp để xem trước: {detail}",
        "the file cannot be read for the preview: {detail}",
    ),
    "pdf.damaged": (
        "tệp không phải PDF hoặc đã hỏng, không xem trước được",
        "the file is not a PDF or is damaged, and cannot be previewed",
    ),
    "pdf.page_failed": (
        "không vẽ được trang {page} để xem trước; hãy mở tệp bằng ứng dụng khác",
        "page {page} could not be drawn for the preview; open the file in another application",
    ),
    "file.gone": ("tệp không còn ở đó (đã bị xóa hoặc chuyển đi)", "the file is no longer there (deleted or moved)"),
    "file.not_opened": (
        "máy tính không có ứng dụng nào mở được tệp này, hoặc ứng dụng không khởi động được; "
        "hãy mở tệp từ thư mục chứa nó",
        "the computer has no application that opens this file, or it did not start; open the file from its folder",
    ),
    "folder.not_opened": (
        "máy tính không mở được thư mục này bằng trình quản lý tệp",
        "the computer could not open this folder in a file manager",
    ),
    "documents.result_differs": (
        "kết quả lưu của «{product}» khác kết quả tính lại từ các phiếu; không in tài liệu (kiểm tra bằng db verify)",
        "the stored result of '{product}' differs from the one recomputed from the ballots; "
        "nothing is printed (run db verify)",
    ),
    # Excel
    "excel.too_big": ("tệp Excel lớn hơn {mb} MB", "the Excel file is larger than {mb} MB"),
    "excel.not_xlsx": (
        "không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không đúng định dạng ({detail})",
        "the Excel file (.xlsx) cannot be read: damaged or of another format ({detail})",
    ),
    "excel.unpacks_too_big": (
        "tệp Excel giải nén ra hơn {mb} MB hoặc quá nhiều thành phần; không mở",
        "the Excel file unpacks to more than {mb} MB or too many parts; it is not opened",
    ),
    "excel.too_many_rows": ("tệp có hơn {max} dòng", "the file has more than {max} rows"),
    "excel.formula": (
        "ô chứa công thức; hãy dán giá trị thay cho công thức",
        "the cell holds a formula; paste its value",
    ),
    "excel.empty": ("không có dòng dữ liệu nào", "there are no data rows"),
    "excel.missing": ("thiếu «{column}»", "'{column}' is missing"),
    "excel.bad_legal_form": ("loại hình «{value}» không hợp lệ", "legal form '{value}' is not valid"),
    "excel.bad_registration": (
        "lần đăng ký «{value}» không hợp lệ (Lần đầu, Nâng hạng, Đánh giá lại)",
        "registration '{value}' is not valid (Lần đầu, Nâng hạng, Đánh giá lại)",
    ),
    "excel.bad_sheet": (
        "phiếu «{value}» không có (ghi số từ 1 đến 26)",
        "sheet '{value}' does not exist (write 1 to 26)",
    ),
    "excel.bad_date": ("ngày «{value}» không hợp lệ (dd/mm/yyyy)", "date '{value}' is not valid (dd/mm/yyyy)"),
    "excel.bad_gender": ("giới tính «{value}» không hợp lệ (Nữ / Nam)", "gender '{value}' is not valid (Nữ / Nam)"),
    "excel.phone_lost_zero": (
        "số điện thoại «{value}» mất số 0 đầu (Excel đã coi nó là một số) — định dạng cột là Văn bản (Text) rồi gõ lại "
        "«0{value}»",
        "the phone number '{value}' lost its leading 0 (Excel took it for a number) — format the column as Text and "
        "type '0{value}' again",
    ),
    "excel.bad_number": ("«{value}» không phải số", "'{value}' is not a number"),
    "excel.too_many_sheets": ("tệp có hơn {max} trang tính", "the file has more than {max} sheets"),
    # Excel ballots
    "ballots_xlsx.not_ballot_workbook": (
        "tệp không phải phiếu chấm Excel do phần mềm xuất ra (thiếu hoặc hỏng phần nhận dạng ẩn)",
        "the file is not an Excel ballot exported by the application (its hidden identification is missing or broken)",
    ),
    "ballots_xlsx.unknown_round": (
        "phiếu chấm thuộc một đợt đánh giá không có trong tệp dữ liệu này",
        "the ballots belong to an evaluation round that is not in this data file",
    ),
    "ballots_xlsx.wrong_round": (
        "phiếu chấm thuộc một đợt đánh giá khác",
        "the ballots belong to another evaluation round",
    ),
    "ballots_xlsx.unknown_member": (
        "người đánh giá ghi trong tệp không phải thành viên hội đồng của đợt này",
        "the evaluator named in the file is not a member of this round's council",
    ),
    "ballots_xlsx.tampered": (
        "phần nhận dạng của trang tính đã bị thay đổi hoặc không thuộc tệp dữ liệu này: nó ghi thành viên «{member}», "
        "sản phẩm «{product}», lượt chấm {scoring_round} nhưng mã xác thực không khớp; không có gì được lưu — hãy "
        "xuất lại phiếu cho thành viên",
        "the sheet's identification was changed or does not belong to this data file: it says member '{member}', "
        "product '{product}', scoring round {scoring_round}, but its authentication code does not match; nothing "
        "was saved — export the member's ballots again",
    ),
    "ballots_xlsx.sheet_missing": (
        "không thấy trang tính này (đã bị xóa hoặc đổi tên)",
        "this sheet is missing (deleted or renamed)",
    ),
    "ballots_xlsx.row_changed": (
        "ô phải ghi mã tiêu chí {item} nhưng ghi «{value}»: trang tính đã bị sửa cấu trúc",
        "the cell should hold criterion code {item} but holds '{value}': the sheet's layout was changed",
    ),
    "ballots_xlsx.unknown_option": (
        "«{value}» không có trong danh sách phương án của tiêu chí {item}; hãy chọn trong danh sách thả xuống",
        "'{value}' is not one of the options of criterion {item}; pick one from the drop-down list",
    ),
    "ballots_xlsx.opinion_too_long": (
        "ý kiến của người đánh giá dài hơn {max} ký tự",
        "the evaluator's opinion is longer than {max} characters",
    ),
    "ballots_xlsx.blank_sheet": (
        "trang tính để trống: bỏ qua sản phẩm «{product}»",
        "the sheet is blank: product '{product}' is skipped",
    ),
    "ballots_xlsx.changed_since_preview": (
        "tệp đã thay đổi sau khi xem trước; chưa lưu gì, hãy nhập lại để xem nội dung mới",
        "the file changed after the preview; nothing is saved, import it again to see what it holds now",
    ),
    "ballots_xlsx.nothing_filled": (
        "không có sản phẩm nào được chấm trong tệp",
        "no product is scored in the file",
    ),
    # accounts
    "auth.bad_credentials": ("tên đăng nhập hoặc mật khẩu không đúng", "wrong user name or password"),
    "auth.bad_pin": ("mã PIN gồm ít nhất {min} chữ số", "a PIN has at least {min} digits"),
    "auth.bad_pin_credentials": ("tên hoặc mã PIN không đúng", "wrong name or PIN"),
    "auth.bad_username": (
        "tên đăng nhập không được rỗng hoặc có dấu cách",
        "a user name cannot be empty or contain spaces",
    ),
    "auth.locked": (
        "tài khoản tạm khóa do nhập sai nhiều lần; thử lại sau {seconds} giây (lúc {until})",
        "the account is locked after repeated failures; try again in {seconds} {seconds:second|seconds} (at {until})",
    ),
    "auth.pin_locked": (
        "mã PIN của {member} tạm khóa do nhập sai nhiều lần; thử lại sau {seconds} giây (lúc {until}), hoặc nhờ thư "
        "ký đặt mã PIN mới",
        "{member}'s PIN is locked after repeated wrong tries; try again in {seconds} {seconds:second|seconds} "
        "(at {until}), or ask the secretary for a new PIN",
    ),
    "auth.no_role": ("tài khoản cần ít nhất một vai trò", "an account needs at least one role"),
    "auth.not_allowed": (
        "tài khoản «{user}» không có quyền {action}",
        "account '{user}' may not {action}",
    ),
    "auth.not_own_ballot": (
        "mỗi thành viên chỉ được chấm phiếu của chính mình",
        "a member may only fill their own ballot",
    ),
    "auth.own_account": (
        "không thể tự khóa hay tự đổi vai trò của tài khoản đang đăng nhập; một quản trị viên khác phải làm việc này",
        "you cannot disable your own account or change its roles; another administrator must do it",
    ),
    "auth.last_admin": (
        "«{username}» là tài khoản quản trị cuối cùng còn hoạt động: hãy tạo hoặc bật một tài khoản quản trị khác "
        "trước, nếu không sẽ không ai quản lý được tài khoản của tệp này",
        "'{username}' is the last active administrator: create or enable another administrator first, "
        "or nobody could manage this file's accounts",
    ),
    "auth.reset_own_password": (
        "để đổi mật khẩu của chính mình, dùng «Đổi mật khẩu của tôi…» (cần mật khẩu hiện tại)",
        "to change your own password use 'Change my password…' (it asks for the current one)",
    ),
    "auth.pin_mismatch": (
        "hai lần nhập mã PIN không giống nhau",
        "the PIN was not typed the same way twice",
    ),
    "auth.secret_needed": (
        "cần mật khẩu hoặc mã PIN: dùng tùy chọn --…-file TỆP của lệnh, hoặc chạy lệnh trong cửa sổ dòng lệnh "
        "để được hỏi",
        "a password or PIN is needed: use the command's --…-file FILE option, or run the command in a terminal "
        "to be asked",
    ),
    "auth.password_too_short": ("mật khẩu cần ít nhất {min} ký tự", "a password needs at least {min} characters"),
    "auth.password_mismatch": (
        "hai lần nhập mật khẩu không giống nhau",
        "the password was not typed the same way twice",
    ),
    "auth.sign_in_required": ("cần đăng nhập để làm việc này", "sign in to do this"),
    "auth.username_taken": ("tên đăng nhập «{username}» đã có", "user name '{username}' is taken"),
    # setting up a round and the registry
    "setup.bad_quorum": (
        "tỷ lệ túc số không hợp lệ: {quorum} (cần 0 < tử số ≤ mẫu số)",
        "invalid quorum ratio: {quorum} (0 < numerator ≤ denominator needed)",
    ),
    "setup.second_chair": ("hội đồng đã có chủ tịch", "the council already has a chair"),
    "setup.recusal_needs_reason": ("cần ghi lý do không tham gia chấm", "a recusal needs a reason"),
    "setup.already_recused": (
        "thành viên đã được ghi không tham gia chấm sản phẩm này",
        "the member is already recused",
    ),
    "registry.bad_phone": ("số điện thoại «{value}» không hợp lệ", "phone number '{value}' is invalid"),
    "registry.bad_email": ("địa chỉ thư điện tử «{value}» không hợp lệ", "e-mail address '{value}' is invalid"),
    "registry.bad_admin_code": (
        "mã đơn vị hành chính «{value}» phải gồm {digits} chữ số",
        "administrative code '{value}' must have {digits} digits",
    ),
    "registry.unknown_province": (
        "không có tỉnh, thành phố mã {code} (danh mục từ 01/7/2025)",
        "there is no province with code {code} (units since 01/7/2025)",
    ),
    "registry.unknown_commune": (
        "không có xã, phường mã {code} (danh mục từ 01/7/2025)",
        "there is no commune with code {code} (units since 01/7/2025)",
    ),
    "registry.commune_elsewhere": (
        "{commune} thuộc {province}, không thuộc tỉnh đã chọn",
        "{commune} lies in {province}, not in the chosen province",
    ),
    "registry.code_taken": ("mã số sản phẩm {code} đã được dùng", "product code {code} is already used"),
    "registry.agenda_number_taken": (
        "số thứ tự {number} trong chương trình họp đã là của sản phẩm «{product}»",
        "number {number} on the agenda already belongs to product '{product}'",
    ),
    "registry.bad_agenda_number": (
        "số thứ tự trong chương trình họp phải là số nguyên dương (nhận được: {value})",
        "the number on the agenda must be a positive whole number (got: {value})",
    ),
    "registry.version_mismatch": (
        "hồ sơ nộp theo ngày thuộc bộ tiêu chí {version}, còn đợt đánh giá dùng {round_version}",
        "by its submission date the dossier falls under {version}, but the round uses {round_version}",
    ),
    "registry.sheet_version_mismatch": (
        "phiếu {sheet} của sản phẩm không thuộc bộ tiêu chí {version}",
        "the product's sheet {sheet} is not part of {version}",
    ),
    "registry.attachment_too_big": ("tệp «{name}» lớn hơn {mb} MB", "file '{name}' is larger than {mb} MB"),
    "registry.attachment_empty": ("tệp «{name}» rỗng", "file '{name}' is empty"),
    "registry.attachment_type": (
        "tệp «{name}» không thuộc loại được nhận (PDF, ảnh PNG/JPEG/WebP, Word, Excel)",
        "file '{name}' is not an accepted type (PDF, PNG/JPEG/WebP image, Word, Excel)",
    ),
    "attachment.executable": (
        "tệp «{name}» là một chương trình chạy được (hoặc mang đuôi của chương trình); không nhận",
        "file '{name}' is an executable program (or carries a program's extension); not accepted",
    ),
    "attachment.double_extension": (
        "tên tệp «{name}» giấu một đuôi khác ({extension}) trước đuôi cuối; không nhận — hãy đặt tên chỉ một đuôi",
        "the name '{name}' hides another extension ({extension}) before its last one; not accepted — name it with "
        "one extension",
    ),
    "attachment.extension_mismatch": (
        "nội dung tệp «{name}» là {media_type} nhưng tên tệp không có đuôi {expected}; không nhận",
        "the content of file '{name}' is {media_type} but its name does not end in {expected}; not accepted",
    ),
    "attachment.stale_checksum": (
        "nội dung tệp đính kèm «{name}» không khớp {column} ghi kèm nó (tệp bị thay sau khi ghi); không nhập gì",
        "the content of attachment '{name}' does not match its recorded {column} (the file was swapped after it "
        "was recorded); nothing was imported",
    ),
    "attachment.type_differs": (
        "tệp đính kèm «{name}» ghi loại {recorded} nhưng nội dung là {found}; không nhập gì",
        "attachment '{name}' is recorded as {recorded} but its content is {found}; nothing was imported",
    ),
    "registry.attachment_altered": (
        "nội dung tệp «{name}» không khớp mã kiểm tra đã lưu",
        "the content of '{name}' does not match its stored checksum",
    ),
    # scoring
    "scoring.not_a_scoring_member": (
        "không phải thành viên chấm điểm của hội đồng (khách mời không chấm điểm); phiếu không được tính",
        "not a scoring member of the council (guests do not score); no ballot of theirs counts",
    ),
    "scoring.not_in_council": (
        "không phải thành viên của hội đồng đánh giá đợt này",
        "not a member of the council of this round",
    ),
    "scoring.other_scoring_round": (
        "phiếu thuộc lượt chấm {round}, nhưng hồ sơ đang ở lượt chấm {current}; phiếu không được tính",
        "the ballot is of scoring round {round}, but the dossier is at scoring round {current}; it does not count",
    ),
    "round.decided": (
        "đợt đánh giá đã có quyết định công nhận số {number} ngày {date}: không nhận thêm hồ sơ, phiếu chấm hay "
        "lượt chấm lại; Chủ tịch Hội đồng mở lại đợt (ghi lý do) nếu cần bổ sung",
        "the round has recognition decision No. {number} of {date}: no more dossiers, ballots or re-scores are "
        "taken; the council's chair reopens the round (with a reason) if something must be added",
    ),
    "round.not_decided": (
        "đợt đánh giá chưa có quyết định công nhận nào, hoặc đã được mở lại",
        "the round has no recognition decision, or is reopened already",
    ),
    "round.reopen_needs_reason": ("cần ghi lý do mở lại đợt đánh giá", "reopening a round needs a reason"),
    "scoring.member_recused": (
        "thành viên không tham gia chấm sản phẩm này (đã ghi nhận không tham gia); phiếu không được tính",
        "the member is recused from this product; no ballot of theirs counts",
    ),
    "scoring.ballot_submitted": ("phiếu đã nộp, không sửa được", "the ballot is submitted and cannot change"),
    "scoring.member_absent": (
        "thành viên vắng mặt ở phiên họp ngày {date}, không chấm sản phẩm này; phiếu không được tính",
        "the member is absent from the sitting of {date} and does not score this product; no ballot of theirs counts",
    ),
    "scoring.draft_begun": (
        "phiếu đã được bắt đầu trong phần mềm ({count} lựa chọn, cách nhập {mode}); hãy hoàn thành hoặc xóa phiếu "
        "đó trước",
        "the ballot was already begun in the application ({count} {count:choice|choices}, entry mode {mode}); "
        "finish or clear it first",
    ),
    "scoring.paper_needs_confirmation": (
        "phiếu giấy chỉ được tính sau khi người thứ hai nhập lại và khớp",
        "a paper ballot counts only once a second person has typed it again and it matches",
    ),
    "scoring.not_paper": ("đây không phải phiếu giấy", "this is not a paper ballot"),
    "scoring.same_person_confirms": (
        "người xác nhận phiếu giấy phải khác người đã nhập lần đầu",
        "the person confirming a paper ballot must not be the one who typed it first",
    ),
    "scoring.rescore_needs_reason": ("cần ghi lý do chấm lại", "a re-score needs a reason"),
    "scoring.own_ballot_begun": (
        "thành viên đã tự bắt đầu chấm phiếu này trong phần mềm ({count} lựa chọn); không nhập phiếu giấy đè lên",
        "the member has begun this ballot themselves in the application ({count} choices); no paper entry over it",
    ),
    "scoring.paper_being_typed": (
        "phiếu giấy của thành viên đang được {by} nhập ({count} lựa chọn); phiếu không bị ghi đè — người nhập hoàn "
        "thành phiếu đó, hoặc xóa từng lựa chọn rồi hủy phiếu",
        "a paper ballot for this member is being typed by {by} ({count} choices); it is not overwritten — the "
        "typist finishes it, or clears its choices and discards it",
    ),
    "scoring.imported_by_file_only": (
        "phiếu nhập từ tệp chỉ được tạo khi nhập tệp phiếu chấm",
        "an imported ballot is made only by importing a ballots file",
    ),
    "scoring.discard_not_empty": (
        "phiếu giấy đã có {count} lựa chọn; chỉ hủy được phiếu giấy chưa nhập lựa chọn nào",
        "the paper ballot already holds {count} choices; only a paper ballot with no choice can be discarded",
    ),
    # independent scoring (services/secrecy)
    "secrecy.ballot_hidden": (
        "phiếu của thành viên được giữ kín cho đến khi mọi thành viên chấm điểm đã nộp phiếu ({submitted}/{expected} "
        "đã nộp)",
        "the member's ballot stays secret until every scoring member has submitted ({submitted} of {expected} "
        "submitted)",
    ),
    "secrecy.figures_hidden": (
        "điểm, số sao và độ chênh lệch được giữ kín cho đến khi mọi thành viên chấm điểm đã nộp phiếu: còn "
        "{remaining} trong {expected} thành viên chưa nộp; chưa in hay xuất được",
        "the points, stars and spread stay secret until every scoring member has submitted: {remaining} of "
        "{expected} members have not submitted yet; nothing is printed or exported",
    ),
    # results and approval
    "result.locked": ("kết quả đã được phê duyệt và khóa", "the result is approved and locked"),
    "result.already_approved": ("kết quả đã được phê duyệt", "the result is already approved"),
    "result.not_approved": ("kết quả chưa được phê duyệt", "the result is not approved"),
    "result.has_certificate": (
        "sản phẩm đã được cấp giấy chứng nhận; phải thu hồi trước khi mở lại kết quả",
        "a certificate has been issued; revoke it before reopening the result",
    ),
    "result.reopen_needs_reason": ("cần ghi lý do mở lại kết quả", "reopening a result needs a reason"),
    "result.empty_discussion": ("nội dung thảo luận đang trống", "the discussion is empty"),
    "approve.no_attendance": ("chưa điểm danh thành viên dự họp", "attendance has not been recorded"),
    "approve.no_quorum": (
        "chưa đủ túc số: có mặt {present}/{total} thành viên, cần ít nhất {required}",
        "no quorum: {present} of {total} members present, at least {required} needed",
    ),
    "approve.chair_absent": ("chủ tịch hội đồng vắng mặt", "the chair is absent"),
    "approve.not_submitted": ("chưa nộp phiếu đánh giá", "has not submitted a ballot"),
    "approve.spread_not_discussed": (
        "điểm của các thành viên chênh nhau {spread} điểm, vượt ngưỡng {limit}, mà chưa ghi nội dung thảo luận",
        "members' totals differ by {spread} {spread:point|points}, over the limit of {limit}, "
        "and no discussion is recorded",
    ),
    # recognition
    "recognition.number_taken": ("số quyết định {number} đã có", "decision number {number} already exists"),
    "recognition.nothing_to_recognise": (
        "chưa có sản phẩm nào được phê duyệt và đủ điều kiện cấp giấy chứng nhận",
        "no approved product qualifies for a certificate",
    ),
    "recognition.number_missing": (
        "chưa ghi số quyết định (ví dụ 123/QĐ-UBND)",
        "the decision number is missing (e.g. 123/QĐ-UBND)",
    ),
    "recognition.signer_missing": ("chưa ghi họ tên người ký quyết định", "the signer's name is missing"),
    "recognition.issuing_body_missing": (
        "chưa ghi cơ quan ban hành quyết định",
        "the issuing body of the decision is missing",
    ),
    "recognition.revocation_incomplete": (
        "cần ghi số quyết định và lý do thu hồi",
        "give the decision number and reason",
    ),
    "recognition.already_revoked": (
        "giấy chứng nhận {number} đã bị thu hồi",
        "certificate {number} is already revoked",
    ),
    # audit and verification
    "audit.chain_broken": (
        "chuỗi nhật ký bị đứt tại sự kiện {seq} ({action}): có sự kiện bị xóa hoặc chèn",
        "the audit chain breaks at event {seq} ({action}): an event was removed or inserted",
    ),
    "audit.event_altered": ("sự kiện nhật ký {seq} ({action}) đã bị sửa", "audit event {seq} ({action}) was altered"),
    "verify.file": ("tệp không đạt kiểm tra: {detail}", "the file fails its check: {detail}"),
    "verify.inputs_altered": (
        "dữ liệu đầu vào lưu kèm kết quả đã bị sửa",
        "the inputs stored with the result were altered",
    ),
    "verify.choices_altered": (
        "lựa chọn trong phiếu đã nộp của thành viên {member} khác với lúc tính kết quả",
        "the choices of member {member}'s submitted ballot differ from those the result was computed from",
    ),
    "verify.result_differs": (
        "kết quả lưu khác kết quả tính lại ở «{field}»: lưu {stored}, tính lại {recomputed}",
        "the stored result differs from the recomputed one in '{field}': stored {stored}, recomputed {recomputed}",
    ),
    "verify.locked_inputs_changed": (
        "dữ liệu chấm của kết quả đã phê duyệt đã thay đổi sau khi phê duyệt",
        "the scoring data of an approved result changed after approval",
    ),
    "verify.row_altered": (
        "bản ghi «{record}» của bảng {table} đã bị sửa ngoài phần mềm (khác với lần ghi cuối trong nhật ký)",
        "record '{record}' of table {table} was edited outside the application (it differs from its last "
        "recorded state in the audit trail)",
    ),
    "verify.row_inserted": (
        "bản ghi «{record}» của bảng {table} được thêm ngoài phần mềm (nhật ký không ghi nhận)",
        "record '{record}' of table {table} was added outside the application (the audit trail has no trace of it)",
    ),
    "verify.row_deleted": (
        "bản ghi «{record}» của bảng {table} đã bị xóa ngoài phần mềm (nhật ký vẫn ghi nhận nó)",
        "record '{record}' of table {table} was deleted outside the application (the audit trail still holds it)",
    ),
    "verify.snapshot_altered": (
        "dữ liệu bộ tiêu chí {sheet} lưu trong tệp đã bị sửa",
        "the stored criteria {sheet} were altered",
    ),
    # rule versions and the catalogue
    "version.unknown": (
        "không có phiên bản bộ tiêu chí «{version}» (có: {known})",
        "unknown criteria version '{version}' (known: {known})",
    ),
    "version.no_version_for_date": (
        "không có bộ tiêu chí OCOP áp dụng cho hồ sơ nộp ngày {date}",
        "no OCOP criteria apply to a dossier submitted on {date}",
    ),
    "version.no_sheets": (
        "phiên bản {version} chưa có phiếu chấm trong phần mềm; cần nhập bộ tiêu chí trước khi chấm theo phiên bản này",
        "version {version} has no scoring sheets in the application; import its criteria before scoring under it",
    ),
    "sheet.unknown": (
        "không có phiếu «{sheet}» trong phiên bản {version}",
        "there is no sheet '{sheet}' in version {version}",
    ),
    "catalogue.not_a_mapping": ("«{field}» phải là một bảng khóa–giá trị", "'{field}' must be a mapping"),
    "catalogue.not_a_list": ("«{field}» phải là một danh sách", "'{field}' must be a list"),
    "catalogue.missing_field": ("thiếu trường «{field}»", "field '{field}' is missing"),
    "catalogue.bad_text": ("trường «{field}» phải là văn bản không rỗng", "field '{field}' must be non-empty text"),
    "catalogue.bad_points": (
        "trường «{field}» phải là số nguyên không âm (nhận được: {value})",
        "field '{field}' must be a non-negative whole number (got: {value})",
    ),
    "catalogue.bad_flag": (
        "trường «{field}» phải là true hoặc false (nhận được: {value})",
        "field '{field}' must be true or false (got: {value})",
    ),
    "catalogue.bad_star_marker": (
        "dấu sao tối thiểu phải là 3, 4 hoặc 5 (nhận được: {value})",
        "a star-minimum marker must be 3, 4 or 5 (got: {value})",
    ),
    "catalogue.duplicate_star_marker": (
        "một cấp sao được đánh dấu tối thiểu ở nhiều phương án ({stars})",
        "one star level is marked as minimum on several options ({stars})",
    ),
    "catalogue.star_markers_decrease": (
        "mức tối thiểu {high} sao thấp hơn mức tối thiểu {low} sao",
        "the {high}-star minimum is lower than the {low}-star minimum",
    ),
    "catalogue.derived_minimums_differ": (
        "điểm tối thiểu theo hạng sao ghi trong tệp ({given}) khác với dấu sao của các phương án ({computed})",
        "the minimum points by star given in the file ({given}) differ from the options' markers ({computed})",
    ),
    "catalogue.mandatory_from_star_differs": (
        "«bắt buộc từ hạng» ghi {given} nhưng dấu sao cho {computed}",
        "'mandatory from star' says {given} but the markers give {computed}",
    ),
    "catalogue.nested_too_deep": (
        "tiêu chí con không được có tiêu chí con",
        "a sub-criterion cannot have sub-criteria",
    ),
    "catalogue.options_and_sub_criteria": (
        "tiêu chí vừa có phương án vừa có tiêu chí con",
        "a criterion has both options and sub-criteria",
    ),
    "catalogue.no_options": ("tiêu chí không có phương án nào", "the criterion has no options"),
    "catalogue.sub_criteria_sum": (
        "tổng điểm các tiêu chí con là {total}, khác điểm tối đa {max}",
        "the sub-criteria add up to {total}, not the maximum {max}",
    ),
    "catalogue.max_not_best_option": (
        "điểm tối đa ghi {max} nhưng phương án cao nhất là {best}",
        "the maximum is {max} but the best option gives {best}",
    ),
    "catalogue.cases_without_options": (
        "có khai báo trường hợp nhưng không phương án nào ghi trường hợp",
        "cases are declared but no option names a case",
    ),
    "catalogue.case_missing_on_option": (
        "có phương án không ghi trường hợp trong khi các phương án khác có",
        "some options name a case and others do not",
    ),
    "catalogue.unknown_case": (
        "trường hợp «{case}» không có trong danh sách trường hợp",
        "case '{case}' is not among the declared cases",
    ),
    "catalogue.duplicate_id": ("mã «{id}» bị trùng", "id '{id}' is used twice"),
    "catalogue.unknown_part": (
        "phần «{id}» không có trong phiên bản (có: {known})",
        "part '{id}' is not in the version (known: {known})",
    ),
    "catalogue.part_max_differs": (
        "điểm tối đa của phần là {max}, quy định là {expected}",
        "the part's maximum is {max}, the rules say {expected}",
    ),
    "catalogue.missing_part": ("thiếu phần {id}", "part {id} is missing"),
    "catalogue.part_sum": (
        "tổng điểm các nhóm là {total}, khác điểm tối đa của phần {max}",
        "the groups add up to {total}, not the part's maximum {max}",
    ),
    "catalogue.group_sum": (
        "tổng điểm các tiêu chí là {total}, khác điểm tối đa của nhóm {max}",
        "the criteria add up to {total}, not the group's maximum {max}",
    ),
    "catalogue.total_differs": (
        "tổng điểm các phần là {total}, tệp ghi {declared}",
        "the parts add up to {total}, the file says {declared}",
    ),
    "catalogue.item_count_differs": (
        "có {count} tiêu chí chấm điểm, tệp ghi {declared}",
        "there {count:is|are} {count} scorable {count:item|items}, the file says {declared}",
    ),
    "catalogue.no_parts": ("phiếu không có phần nào dùng được", "the sheet has no usable part"),
    "catalogue.no_sheets": ("tệp không có phiếu nào", "the file has no sheets"),
    "catalogue.bad_date": (
        "ngày «{value}» của trường {field} không hợp lệ (cần YYYY-MM-DD)",
        "date '{value}' in {field} is invalid (YYYY-MM-DD expected)",
    ),
    "catalogue.bad_version": ("phiên bản không hợp lệ: {detail}", "invalid version: {detail}"),
    "catalogue.versions_not_contiguous": (
        "khoảng ngày nộp hồ sơ của {a} và {b} không liền nhau",
        "the submission periods of {a} and {b} do not join",
    ),
    "catalogue.bad_star_band": ("hạng sao không hợp lệ: {band}", "invalid star band: {band}"),
    "catalogue.bad_star_bands": (
        "các hạng sao phải bắt đầu từ 0 điểm, không trùng mốc và sao tăng theo điểm",
        "star bands must start at 0, never repeat a bound, and rise with the points",
    ),
    "catalogue.bad_parts_max": (
        "«parts_max» phải ghi điểm tối đa của từng phần",
        "'parts_max' must give each part's maximum",
    ),
    "catalogue.yaml_error": (
        "tệp YAML lỗi cú pháp (dòng {line}): {detail}",
        "YAML syntax error (line {line}): {detail}",
    ),
}

_PLACES: dict[str, tuple[str, str]] = {
    "file": ("tệp", "file"),
    "version": ("phiên bản", "version"),
    "sheet": ("phiếu", "sheet"),
    "part": ("phần", "part"),
    "group": ("nhóm", "group"),
    "criterion": ("tiêu chí", "criterion"),
    "option": ("phương án", "option"),
    "line": ("dòng", "line"),
    "member": ("thành viên", "member"),
    "item": ("tiêu chí", "item"),
    "decision": ("quyết định số", "decision no."),
    "product": ("sản phẩm", "product"),
    "scoring_round": ("lượt chấm", "scoring round"),
    "audit_event": ("nhật ký", "audit event"),
    "field": ("trường", "field"),
    "folder": ("thư mục", "folder"),
    "cell": ("ô", "cell"),
    "row": ("dòng", "row"),
    "certificate": ("giấy chứng nhận số", "certificate no."),
    "element": ("thành phần số", "element no."),
    "page": ("trang", "page"),
    "record": ("bản ghi", "record"),
    "attachment": ("tệp đính kèm", "attachment"),
    "table": ("bảng", "table"),
    "column": ("cột", "column"),
}

_QUOTED = {"member", "file", "folder", "field", "attachment"}

# the kinds of object in a file's schema (`sqlite_master.type`), said in words
_SCHEMA_OBJECTS: dict[str, tuple[str, str]] = {
    "table": ("bảng", "table"),
    "index": ("chỉ mục", "index"),
    "trigger": ("trigger", "trigger"),
    "view": ("khung nhìn (view)", "view"),
}

# the things a "not found" names by their table, said in words
_THINGS: dict[str, tuple[str, str]] = {
    "attachment": ("tệp đính kèm", "attachment"),
    "ballot": ("phiếu chấm", "ballot"),
    "index": ("chỉ mục (index)", "an index"),
    "trigger": ("trigger", "a trigger"),
    "view": ("khung nhìn (view)", "a view"),
    "table": ("bảng", "a table"),
    "directory": ("một thư mục", "a folder"),
    "named_pipe": ("một ống dẫn có tên (named pipe)", "a named pipe"),
    "device": ("một thiết bị", "a device"),
    "socket": ("một socket", "a socket"),
    "certificate": ("giấy chứng nhận", "certificate"),
    "council": ("hội đồng", "council"),
    "council_member": ("thành viên hội đồng", "council member"),
    "dossier": ("hồ sơ", "dossier"),
    "user": ("tài khoản", "account"),
    "meeting_session": ("phiên họp", "meeting session"),
    "producer": ("chủ thể", "producer"),
    "product": ("sản phẩm", "product"),
    "round": ("đợt đánh giá", "evaluation round"),
}

# the fields a service names in a problem (the "field" parameter or location), in the person's words: services
# (round_setup, registry, settings), the ballots document of `ocop-desktop score`, and the GUI's date fields
_FIELDS: dict[str, tuple[str, str]] = {
    "(document)": ("toàn bộ tài liệu", "the whole document"),
    "absent": ("vắng mặt", "absent"),
    "above_authority": (
        "chính sách với sản phẩm vượt thẩm quyền của hội đồng",
        "policy for a product above the council's authority",
    ),
    "agenda_order": ("số thứ tự trong chương trình họp", "agenda number"),
    "certificate_prefix": ("ký hiệu số giấy chứng nhận", "certificate number prefix"),
    "choices": ("các phương án đã chọn", "choices"),
    "closed_at": ("giờ kết thúc", "closing time"),
    "commune_code": ("xã, phường, đặc khu", "commune"),
    "council_level": ("cấp hội đồng", "council level"),
    "council_name": ("tên hội đồng", "council name"),
    "criteria_version": ("phiên bản bộ tiêu chí", "criteria version"),
    "date": ("ngày", "date"),
    "decision_date": ("ngày ký quyết định công nhận", "date of the recognition decision"),
    "decisions": ("các quyết định", "decisions"),
    "demo_file": ("dấu tệp dữ liệu mẫu", "demo file mark"),
    "email": ("thư điện tử", "e-mail"),
    "establishing_decision": ("quyết định thành lập", "establishing decision"),
    "full_name": ("họ và tên", "full name"),
    "historic_address": ("địa chỉ theo đơn vị hành chính cũ", "address under the former units"),
    "issuing_body": ("cơ quan ban hành", "issuing body"),
    "language": ("ngôn ngữ", "language"),
    "legal_form": ("loại hình", "legal form"),
    "level": ("cấp", "level"),
    "members": ("danh sách thành viên", "members"),
    "minutes_symbol": ("ký hiệu biên bản", "minutes symbol"),
    "demo_before_meeting": ("đợt diễn tập trước cuộc họp", "rehearsal before the meeting"),
    "name": ("tên", "name"),
    "note": ("ghi chú", "note"),
    "opened_at": ("giờ bắt đầu", "opening time"),
    "opinion": ("ý kiến của người đánh giá", "the evaluator's opinion"),
    "organisation": ("cơ quan", "organisation"),
    "parent_body": ("cơ quan chủ quản", "parent body"),
    "phone": ("điện thoại", "phone"),
    "place": ("địa điểm", "place"),
    "place_name": ("địa danh", "place name"),
    "position": ("chức vụ", "position"),
    "producer": ("tên chủ thể", "producer's name"),
    "product": ("tên sản phẩm", "product name"),
    "province_code": ("tỉnh, thành phố", "province"),
    "quorum_denominator": ("mẫu số của túc số", "quorum denominator"),
    "quorum_numerator": ("tử số của túc số", "quorum numerator"),
    "quorum": ("túc số", "quorum"),
    "quorum_requires_chair": ("túc số cần có mặt chủ tịch", "quorum needs the chair"),
    "reason": ("lý do", "reason"),
    "recused": ("không tham gia chấm", "recused"),
    "registration_number": ("số đăng ký", "registration number"),
    "representative_ethnicity": ("dân tộc của người đại diện", "representative's ethnicity"),
    "representative_gender": ("giới tính của người đại diện", "representative's gender"),
    "representative_name": ("người đại diện", "representative"),
    "representative_position": ("chức vụ của người đại diện", "representative's position"),
    "role": ("vai trò", "role"),
    "rule_version_id": ("bộ tiêu chí", "criteria version"),
    "scoring_round": ("lượt chấm", "scoring round"),
    "sheet": ("phiếu đánh giá", "scoring sheet"),
    "spread_limit": ("ngưỡng chênh lệch điểm", "spread limit"),
    "stars": ("số sao", "stars"),
    "street_address": ("thôn, xóm, số nhà", "street address"),
    "submission_date": ("ngày nộp hồ sơ", "submission date"),
    "year": ("năm", "year"),
}

# what a refused action is (the values of services.permissions.Permission, and exporting ballots), said so that
# "không có quyền …" / "may not …" reads as a sentence
_ACTIONS: dict[str, tuple[str, str]] = {
    "manage_users": ("quản lý tài khoản", "manage accounts"),
    "manage_backups": ("sao lưu, khôi phục tệp dữ liệu", "back up or restore the data file"),
    "edit_registry": ("sửa hồ sơ, chủ thể, sản phẩm", "edit dossiers, producers or products"),
    "set_up_round": (
        "chuẩn bị đợt đánh giá (hội đồng, thành viên, phiên họp)",
        "set up the round (council, members, sessions)",
    ),
    "score_own": ("chấm phiếu của mình", "score their own ballot"),
    "score_for_member": ("nhập phiếu giấy thay thành viên", "enter a paper ballot for a member"),
    "start_rescore": ("mở lượt chấm lại", "start a rescoring"),
    "record_discussion": ("ghi thảo luận, quyết định của hội đồng", "record the council's discussion or decisions"),
    "approve_result": ("duyệt kết quả", "approve the result"),
    "reopen_result": ("mở lại kết quả đã duyệt", "reopen an approved result"),
    "reopen_round": ("mở lại đợt đánh giá đã có quyết định công nhận", "reopen a round past its recognition decision"),
    "issue_decision": (
        "ra quyết định công nhận, cấp giấy chứng nhận",
        "issue the recognition decision and certificates",
    ),
    "revoke_certificate": ("thu hồi giấy chứng nhận", "revoke a certificate"),
    "import_exchange": ("nhập tệp trao đổi", "import exchange files"),
    "view": ("xem dữ liệu", "view the data"),
    "export_ballots": ("xuất phiếu chấm", "export ballots"),
}

# the details services give with "input.bad_field" that are not the value itself
_DETAILS: dict[str, tuple[str, str]] = {
    "unknown": ("không có mục này", "there is no such entry"),
    "list": ("cần một danh sách", "a list is expected"),
    "{…}": ("cần một bảng tên–giá trị", "a mapping of names to values is expected"),
}

_UI: dict[str, tuple[str, str]] = {
    "error": ("Lỗi", "Error"),
    "unexpected": ("Đã xảy ra lỗi không mong muốn", "Unexpected error"),
    "log_file": ("Chi tiết lỗi ghi trong tệp nhật ký: {path}", "The details are in the log file: {path}"),
    "valid": ("Hợp lệ", "Valid"),
    "verify_read_only": (
        "tệp (hoặc thư mục chứa nó) chỉ cho đọc: đã kiểm tra trên một bản sao, tệp không bị thay đổi",
        "the file (or its folder) is read-only: checked through a copy, the file is unchanged",
    ),
    "invalid": ("Không hợp lệ", "Invalid"),
    "sheets_checked": ("{count} phiếu đã kiểm tra, không có lỗi", "{count} {count:sheet|sheets} checked, no problems"),
    "problems_found": ("{count} lỗi", "{count} {count:problem|problems}"),
    "verify_summary": (
        "{results} kết quả đã tính lại khớp, {events} sự kiện nhật ký liền mạch",
        "{results} {results:result|results} recomputed and matching, {events} audit {events:event|events} chained",
    ),
    "province.head": (
        "Toàn tỉnh, tính đến ngày {date}: {count} sản phẩm",
        "The whole province as of {date}: {count} {count:product|products}",
    ),
    "province.by_stars": ("Theo số sao", "By stars"),
    "province.by_group": ("Theo nhóm sản phẩm", "By product group"),
    "province.by_year": ("Theo năm đánh giá", "By year of evaluation"),
    "province.by_province": ("Theo tỉnh, thành phố", "By province"),
    "province.by_commune": ("Theo xã, phường", "By commune"),
    "province.stars": ("{stars} sao", "{stars} {stars:star|stars}"),
    "province.no_stars": ("chưa xếp hạng", "no stars"),
    "province.referred_waiting": ("đề nghị Trung ương", "proposed to the central level"),
    "province.referred_central": (
        "Đề nghị Trung ương đánh giá, công nhận 5 sao (không tính là 5 sao): {waiting} sản phẩm chưa được công nhận "
        "hạng sao nào, {recognised} sản phẩm đã được công nhận trong thẩm quyền của tỉnh",
        "Proposed to the central level for 5 stars (not counted as 5 stars): {waiting} with no star recognised, "
        "{recognised} recognised within the province's authority",
    ),
    "province.unknown": ("(chưa rõ)", "(not recorded)"),
    "province.councils": ("Hội đồng và tệp trao đổi đã nhập", "Councils and the exchange files imported"),
    "province.council": (
        "{name}: {rounds} đợt, {products} sản phẩm",
        "{name}: {rounds} {rounds:round|rounds}, {products} {products:product|products}",
    ),
    "province.no_files": ("chưa nhập tệp nào", "no file imported"),
    "province.file": (
        "{file} — {round}, lần xuất {revision}, mã xác thực {fingerprint}, khóa {key_id} ({issuer}), "
        "nhập lúc {imported}",
        "{file} — {round}, revision {revision}, verification code {fingerprint}, key {key_id} ({issuer}), "
        "imported {imported}",
    ),
    "province.key_accepted_once": (
        "khóa chưa tin cậy, chấp nhận cho riêng tệp này",
        "untrusted key, accepted for this file only",
    ),
    "province.due": (
        "Đến hạn nộp hồ sơ đánh giá lại (từ {opens} đến {closes} ngày trước khi hết hạn): {count}",
        "Due for re-evaluation (from {opens} to {closes} days before expiry): {count}",
    ),
    "province.window_missed": (
        "Đã qua hạn nộp hồ sơ đánh giá lại, chưa hết hạn: {count}",
        "Past the re-evaluation window, not yet expired: {count}",
    ),
    "province.expired": ("Đã hết hạn: {count}", "Expired: {count}"),
    "province.revoked": ("Đã thu hồi: {count}", "Revoked: {count}"),
    "province.certificate": (
        "{number}  {product} ({code}), {stars} sao, hết hạn {expiry} (còn {days} ngày)",
        "{number}  {product} ({code}), {stars} {stars:star|stars}, expires {expiry} ({days} {days:day|days} left)",
    ),
    "province.certificate_expired": (
        "{number}  {product} ({code}), {stars} sao, hết hạn {expiry}",
        "{number}  {product} ({code}), {stars} {stars:star|stars}, expired {expiry}",
    ),
    "province.certificate_revoked": (
        "{number}  {product} ({code}), thu hồi ngày {date} theo {decision}: {reason}",
        "{number}  {product} ({code}), revoked on {date} by {decision}: {reason}",
    ),
    "province.exported": ("Đã lưu {file} ({count} sản phẩm)", "Saved {file} ({count} {count:product|products})"),
    "restored": ("đã khôi phục {file}; bản trước khi khôi phục: {saved}", "restored {file}; the file before: {saved}"),
    "seal.valid": (
        "HỢP LỆ: giấy chứng nhận do {issuer} cấp (khóa {key_id}), nội dung đúng như khi ký",
        "VALID: issued by {issuer} (key {key_id}), the content is as signed",
    ),
    "seal.unknown_key": (
        "KHÔNG RÕ ĐƠN VỊ CẤP: mã được ký bằng khóa {key_id}, khóa này chưa có trong danh sách đơn vị cấp tin cậy "
        "(thư mục {folder}), nên chưa kiểm tra được chữ ký",
        "UNKNOWN ISSUER: the code is signed with key {key_id}, which is not among the trusted issuers (folder "
        "{folder}), so the signature cannot be checked",
    ),
    "seal.invalid": (
        "KHÔNG HỢP LỆ: nội dung đã bị sửa hoặc chữ ký bị giả mạo",
        "INVALID: the content was edited or the signature is forged",
    ),
    "seal.invalid_revoked": (
        "KHÔNG HỢP LỆ: khóa {key_id} ({issuer}) đã bị thu hồi từ ngày {since} ({reason}); giấy chứng nhận này ghi "
        "ngày cấp từ ngày đó trở đi",
        "INVALID: key {key_id} ({issuer}) is revoked since {since} ({reason}); this certificate states an issue date "
        "on or after that day",
    ),
    "seal.revoked_later": (
        "Lưu ý: khóa {key_id} đã bị thu hồi từ ngày {since} ({reason}), sau ngày cấp giấy này; ngày cấp là lời của "
        "bên ký — hãy đối chiếu với sổ cấp giấy chứng nhận",
        "Note: key {key_id} is revoked since {since} ({reason}), after this certificate's issue date; the issue date "
        "is the signer's word — compare it with the certificate register",
    ),
    "seal.unknown_issuer": (
        "KHÔNG RÕ ĐƠN VỊ CẤP: chữ ký đúng với khóa {key_id}, nhưng khóa này chưa có trong danh sách đơn vị cấp tin cậy "
        "(thư mục {folder})",
        "UNKNOWN ISSUER: the signature matches key {key_id}, but that key is not among the trusted issuers "
        "(folder {folder})",
    ),
    "exchange.valid": (
        "HỢP LỆ: tệp do {issuer} ký (khóa {key_id}), nội dung đúng như khi ký",
        "VALID: signed by {issuer} (key {key_id}), the content is as signed",
    ),
    "exchange.invalid.content": (
        "KHÔNG HỢP LỆ: dữ liệu trong tệp đã bị sửa sau khi ký (mã xác thực tính lại: {computed})",
        "INVALID: the data in the file was changed after signing (recomputed code: {computed})",
    ),
    "exchange.invalid.signature": (
        "KHÔNG HỢP LỆ: chữ ký không khớp với nội dung (tệp bị sửa hoặc chữ ký giả)",
        "INVALID: the signature does not match the content (edited file or forged signature)",
    ),
    "exchange.unknown_key": (
        "KHÔNG RÕ NGƯỜI KÝ: chữ ký đúng với khóa {key_id}, nhưng khóa này chưa được tin cậy (thư mục {folder})",
        "UNKNOWN SIGNER: the signature matches key {key_id}, but that key is not trusted (folder {folder})",
    ),
    "exchange.summary": (
        "Mã xác thực: {fingerprint}\nĐợt: {round} — {council}\nLần xuất: {revision}, lúc {created} (UTC)\n"
        "Số dòng: {rows} ({dossiers} hồ sơ, {ballots} phiếu chấm, {results} kết quả)",
        "Verification code: {fingerprint}\nRound: {round} — {council}\nRevision: {revision}, made {created} (UTC)\n"
        "Rows: {rows} ({dossiers} {dossiers:dossier|dossiers}, {ballots} {ballots:ballot|ballots}, "
        "{results} {results:result|results})",
    ),
    "exchange.exported": (
        "Đã xuất {file}\nMã xác thực: {fingerprint} — lần xuất {revision}",
        "Exported {file}\nVerification code: {fingerprint} — revision {revision}",
    ),
    "import.outcome.would_import": ("SẼ NHẬP", "WOULD IMPORT"),
    "import.outcome.imported": ("ĐÃ NHẬP", "IMPORTED"),
    "import.outcome.already": ("ĐÃ CÓ, KHÔNG THAY ĐỔI", "ALREADY HERE, NOTHING CHANGES"),
    "import.outcome.conflicts": ("XUNG ĐỘT — KHÔNG NHẬP", "CONFLICTS — NOT IMPORTED"),
    "import.outcome.refused": ("KHÔNG NHẬP", "NOT IMPORTED"),
    "import.file_summary": (
        "  {council} — {round}, lần gửi {revision}\n  Mã xác thực: {fingerprint} — khóa {key_id} ({issuer})",
        "  {council} — {round}, revision {revision}\n  Verification code: {fingerprint} — key {key_id} ({issuer})",
    ),
    "import.key_not_registered": ("chưa đăng ký", "not registered"),
    "import.table_counts": (
        "{new} mới, {changed} thay đổi, {identical} trùng khớp, {kept} giữ nguyên",
        "{new} new, {changed} changed, {identical} identical, {kept} kept",
    ),
    "import.backup": ("Bản sao lưu trước khi nhập: {path}", "Backup made before the import: {path}"),
    "import.recomputed_ok": (
        "Mọi giá trị hợp lệ; {results} kết quả tính lại khớp với tệp",
        "Every value is valid; the {results} {results:result|results} recomputed {results:matches|match} the file",
    ),
    "seal.this_installation": ("chính cài đặt này", "this installation"),
    "seal.field.so": ("Số giấy chứng nhận", "Certificate number"),
    "seal.field.ma_sp": ("Mã số sản phẩm", "Product code"),
    "seal.field.san_pham": ("Tên sản phẩm", "Product"),
    "seal.field.chu_the": ("Chủ thể", "Producer"),
    "seal.field.sao": ("Hạng sao", "Stars"),
    "seal.field.qd": ("Quyết định công nhận", "Recognition decision"),
    "seal.field.ngay_cap": ("Ngày cấp", "Issued on"),
    "seal.field.het_han": ("Có giá trị đến", "Valid until"),
    "keys.show": (
        "Khóa ký của hội đồng: {key_id}\nĐơn vị: {issuer}\nNgày tạo: {created}\nBảo vệ: {protection}\n"
        "Khóa công khai: {public}",
        "Council signing key: {key_id}\nIssuer: {issuer}\nCreated: {created}\nProtection: {protection}\n"
        "Public key: {public}",
    ),
    "keys.protected": ("cụm mật khẩu (Argon2id, AES-256-GCM)", "passphrase (Argon2id, AES-256-GCM)"),
    "keys.unprotected": (
        "CHƯA BẢO VỆ (tệp cũ installation-key.pem); đặt cụm mật khẩu bằng «keys passphrase»",
        "NOT PROTECTED (older installation-key.pem); set a passphrase with 'keys passphrase'",
    ),
    "keys.unknown": ("(chưa ghi)", "(not given)"),
    "keys.created": (
        "Đã tạo khóa ký {key_id}, bảo vệ bằng cụm mật khẩu.\nTiếp theo: «keys export --out TỆP --form PHIẾU.pdf», "
        "in phiếu, ký, đóng dấu và gửi tỉnh.",
        "Signing key {key_id} created, protected by the passphrase.\nNext: 'keys export --out FILE --form FORM.pdf', "
        "print the form, sign and stamp it and send it to the province.",
    ),
    "keys.converted": (
        "Khóa ký {key_id} (giữ nguyên khóa cũ) nay được bảo vệ bằng cụm mật khẩu; tệp installation-key.pem đã xóa.",
        "Signing key {key_id} (the same key as before) is now protected by the passphrase; "
        "installation-key.pem was removed.",
    ),
    "keys.passphrase_changed": (
        "Đã đổi cụm mật khẩu của khóa {key_id}",
        "The passphrase of key {key_id} was changed",
    ),
    "keys.exported": ("Đã ghi tệp khóa công khai: {file}", "Public key file written: {file}"),
    "keys.form_written": ("Đã ghi phiếu đăng ký khóa: {file}", "Key registration form written: {file}"),
    "keys.trust_prompt": (
        "Khóa {key_id} của «{issuer}» (tạo ngày {created}).\n"
        "Đã đối chiếu mã khóa này với phiếu đăng ký bản giấy (có chữ ký, con dấu) và qua điện thoại chưa? [c/K] ",
        "Key {key_id} of '{issuer}' (created {created}).\n"
        "Has this key id been compared with the signed and stamped paper form and by telephone? [y/N] ",
    ),
    "keys.trusted": ("Đã tin cậy khóa {key_id} của {issuer}", "Key {key_id} of {issuer} is now trusted"),
    "keys.bound": (
        "Khóa chỉ được ký cho hội đồng «{council}» ({council_id}): tệp của hội đồng khác ký bằng khóa này bị từ chối",
        "The key signs for council '{council}' ({council_id}) only: another council's file signed with it is refused",
    ),
    "keys.revoked": (
        "Đã thu hồi khóa {key_id} của {issuer} từ ngày {since}",
        "Key {key_id} of {issuer} revoked from {since}",
    ),
    "keys.list_empty": ("Chưa có khóa tin cậy nào", "No trusted keys yet"),
    "keys.list_head": (
        "Đơn vị | Mã khóa | Ký cho hội đồng | Ngày thêm | Thu hồi từ",
        "Issuer | Key id | Signs for council | Added | Revoked since",
    ),
    "keys.legacy_warning": (
        "Lưu ý: khóa ký của máy này chưa được bảo vệ bằng cụm mật khẩu; hãy chạy «ocop-desktop keys passphrase»",
        "Note: this computer's signing key is not protected by a passphrase; run 'ocop-desktop keys passphrase'",
    ),
    "demo.file": ("Tệp dữ liệu mẫu: {file}", "Demo data file: {file}"),
    "demo.counts": (
        "{dossiers} hồ sơ, {ballots} phiếu chấm, {certificates} giấy chứng nhận; đợt {round}",
        "{dossiers} {dossiers:dossier|dossiers}, {ballots} {ballots:ballot|ballots}, "
        "{certificates} {certificates:certificate|certificates}; round {round}",
    ),
    "demo.accounts": ("Tài khoản: {accounts} — mật khẩu: {password}", "Accounts: {accounts} — password: {password}"),
    "demo.role.admin": ("quản trị", "administrator"),
    "demo.role.secretary": ("thư ký", "secretary"),
    "demo.role.officer": ("cán bộ tỉnh", "province officer"),
    "demo.role.chair": ("chủ tịch", "chair"),
    "demo.role.member": ("thành viên", "member"),
    "demo.rehearsal": (
        "{dossiers} hồ sơ; phiên họp ngày {date} đã khai mạc lúc {time}, đã điểm danh ({present}/{members} thành "
        "viên chấm điểm có mặt) và ghi một trường hợp không tham gia chấm; chưa có phiếu chấm, kết quả hay quyết "
        "định nào; đợt {round}",
        "{dossiers} dossiers; the sitting of {date} opened at {time}, attendance taken ({present}/{members} scoring "
        "members present) and one recusal recorded; no ballot, result or decision yet; round {round}",
    ),
    "demo.pins": (
        "Thành viên chấm điểm — tài khoản (cùng mật khẩu) và mã PIN để chấm trên máy chung (Tệp → Đổi người chấm):",
        "Scoring members — account (same password) and PIN to score on the shared laptop (File → Change scorer):",
    ),
    "demo.pin_line": ("{name}: tài khoản {username}, mã PIN {pin}", "{name}: account {username}, PIN {pin}"),
    "demo.absent": ("vắng mặt", "absent"),
    "demo.documents": ("Tài liệu của đợt mẫu trong {folder}", "Documents of the demo round in {folder}"),
    "demo.screenshots": ("Ảnh các màn hình trong {folder}", "Screenshots of every view in {folder}"),
    "demo.ballots_summary": (
        "Bản chạy thử: {sheet}, điểm trung bình {average}, hạng theo điểm {band} sao, kết quả {stars} sao",
        "Demo: {sheet}, average {average}, band {band}★, result {stars}★",
    ),
    "demo.ballots_file": ("Tệp phiếu chấm: {file}", "Ballots file: {file}"),
    "criteria.rule_version": ("Phiên bản: {title}", "Rule version: {title}"),
    "criteria.group": ("Nhóm sản phẩm: {path}", "Group: {path}"),
    "criteria.managing_body": ("Cơ quan chủ trì: {body}", "Managing body: {body}"),
    "criteria.part": ("PHẦN {part}. {title} ({max})", "PART {part}. {title} ({max})"),
    "criteria.elimination_rule": ("có quy định loại", "elimination rule"),
    "criteria.stop_rule": ("có quy định dừng đánh giá", "stop rule"),
    "dossiers.checked": ("{count} hồ sơ hợp lệ", "{count} {count:dossier|dossiers} checked"),
    "dossiers.saved": (
        "đã lưu: {count} hồ sơ (số thứ tự {first}–{last} trong chương trình họp), {producers} chủ thể mới; "
        "bản sao lưu trước khi nhập: {backup}",
        "saved: {count} {count:dossier|dossiers} (numbers {first}–{last} on the agenda), {producers} new "
        "{producers:producer|producers}; backup {backup}",
    ),
    "keys.demo": (
        "Giấy chứng nhận mẫu được ký bằng khóa mẫu {key_id} (thư mục {folder}, cụm mật khẩu «{passphrase}»); "
        "máy khác sẽ báo «không rõ đơn vị cấp».",
        "The demo certificates are signed with demo key {key_id} (folder {folder}, passphrase '{passphrase}'); "
        "another computer reports them as from an unknown issuer.",
    ),
    "keys.ask": ("Cụm mật khẩu của khóa ký: ", "Signing key passphrase: "),
    "keys.ask_old": ("Cụm mật khẩu hiện tại: ", "Current passphrase: "),
    "keys.ask_new": (
        "Cụm mật khẩu mới (ít nhất {minimum} ký tự): ",
        "New passphrase (at least {minimum} characters): ",
    ),
    "keys.ask_again": ("Nhập lại cụm mật khẩu mới: ", "Type the new passphrase again: "),
    "accounts.ask_password": ("Mật khẩu của «{user}»: ", "Password of '{user}': "),
    "accounts.ask_new_password": (
        "Mật khẩu mới (ít nhất {minimum} ký tự): ",
        "New password (at least {minimum} characters): ",
    ),
    "accounts.ask_again": ("Nhập lại mật khẩu mới: ", "Type the new password again: "),
    "accounts.ask_pin": ("Mã PIN mới (ít nhất {minimum} chữ số): ", "New PIN (at least {minimum} digits): "),
    "accounts.ask_pin_again": ("Nhập lại mã PIN: ", "Type the PIN again: "),
    "accounts.head": ("{count} tài khoản:", "{count} {count:account|accounts}:"),
    "accounts.active": ("đang dùng", "active"),
    "accounts.disabled": ("đã khóa", "disabled"),
    "accounts.members_head": ("Thành viên hội đồng của đợt (mã, tên, mã PIN):", "The round's council (id, name, PIN):"),
    "accounts.has_pin": ("đã có mã PIN", "PIN set"),
    "accounts.no_pin": ("chưa có mã PIN", "no PIN yet"),
    "accounts.created": ("Đã tạo tài khoản «{username}».", "Account '{username}' created."),
    "accounts.password_set": ("Đã đặt mật khẩu mới cho «{username}».", "New password set for '{username}'."),
    "accounts.enabled": ("Đã mở lại tài khoản «{username}».", "Account '{username}' enabled."),
    "accounts.disabled_now": ("Đã khóa tài khoản «{username}».", "Account '{username}' disabled."),
    "accounts.roles_set": ("Vai trò của «{username}»: {roles}.", "Roles of '{username}': {roles}."),
    "accounts.pin_set": ("Đã đặt mã PIN cho thành viên {member}.", "PIN set for member {member}."),
    "note": ("Ghi chú", "Note"),
    "ballots_head": (
        "Phiếu chấm Excel của «{member}», {round} (tệp {file}, SHA-256 {sha}):",
        "Excel ballots of '{member}', {round} (file {file}, SHA-256 {sha}):",
    ),
    "ballots_line": ("{sheet}: {total} điểm ({parts})", "{sheet}: {total} {total:point|points} ({parts})"),
    "ballots_checked": (
        "{count} phiếu hợp lệ; chưa lưu (--dry-run)",
        "{count} {count:ballot|ballots} valid; nothing saved (--dry-run)",
    ),
    "ballots_saved": (
        "đã lưu và nộp {count} phiếu chấm; bản sao lưu trước khi nhập: {backup}",
        "{count} {count:ballot|ballots} saved and submitted; backup before the import: {backup}",
    ),
}


def _index(lang: str) -> int:
    return 1 if lang == "en" else 0


def _in_words(words: dict[str, tuple[str, str]], value: object, lang: str) -> object:
    """A code (a field, an action, a table) in the person's words; anything else as it is."""
    return words[value][_index(lang)] if isinstance(value, str) and value in words else value


def describe_location(problem: Problem, lang: str = DEFAULT_LANG) -> str:
    parts = []
    for kind, value in problem.location:
        if kind in ("item", "field") and problem.params.get(kind) == value:
            continue  # the sentence already names the item or the field
        name = _PLACES.get(kind, (kind, kind))[_index(lang)]
        said = _in_words(_FIELDS, value, lang) if kind == "field" else value
        shown = f"«{said}»" if kind in _QUOTED and lang == "vi" else (f"'{said}'" if kind in _QUOTED else said)
        parts.append(f"{name} {shown}")
    return ", ".join(parts)


def describe(problem: Problem, lang: str = DEFAULT_LANG) -> str:
    """One full sentence: where, then what."""
    code = problem.code
    if code == "ballot.option_out_of_range" and problem.params.get("conditional"):
        code = "ballot.option_out_of_range_conditional"
    template = _TEXTS.get(code)
    if template is None:
        text = code
    else:
        params = dict(problem.params)
        for key, words in (
            ("what", _THINGS),
            ("field", _FIELDS),
            ("action", _ACTIONS),
            ("detail", _DETAILS),
            ("object", _SCHEMA_OBJECTS),
        ):
            if key in params:
                params[key] = _in_words(words, params[key], lang)
        try:
            text = fill(template[_index(lang)], **params)
        except (KeyError, IndexError, ValueError):
            text = template[_index(lang)]
    where = describe_location(problem, lang)
    sentence = f"{where}: {text}" if where else text
    return sentence[:1].upper() + sentence[1:]


def describe_all(problems: Iterable[Problem], lang: str = DEFAULT_LANG) -> list[str]:
    return [describe(p, lang) for p in problems]


def ui_text(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    return fill(_UI[key][_index(lang)], **params)


def has_text(code: str) -> bool:
    return code in _TEXTS
