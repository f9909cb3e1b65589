<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
  <context>
    <name />
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="85" />
      <source>&amp;Khóa ký</source>
      <translation>&amp;Signing key</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/certificate_check.py" line="52" />
      <source>&amp;Kiểm tra nội dung đã dán</source>
      <translation>&amp;Check the pasted text</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/certificate_check.py" line="54" />
      <source>&amp;Mở ảnh hoặc PDF…</source>
      <translation>&amp;Open a picture or PDF…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="78" />
      <source>&amp;Ngôn ngữ / Language</source>
      <translation>&amp;Ngôn ngữ / Language</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="64" />
      <source>&amp;Sửa</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="88" />
      <source>&amp;Trợ giúp</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="32" />
      <source>&amp;Tệp</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="72" />
      <source>&amp;Xem</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="264" />
      <source>(chưa rõ)</source>
      <translation>(not recorded)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="444" />
      <source>(chưa đánh giá)</source>
      <translation>(not evaluated)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="79" />
      <source>(không gắn với thành viên nào)</source>
      <translation>(not linked to a council member)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="283" />
      <source>1–2 sao</source>
      <translation>1–2 stars</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="282" />
      <source>3 sao</source>
      <translation>3 stars</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="281" />
      <source>4 sao</source>
      <translation>4 stars</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="280" />
      <source>5 sao</source>
      <translation>5 stars</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="701" />
      <source>&lt; Quay lại</source>
      <translation>&lt; Back</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="55" />
      <source>Biên bản họp hội đồng</source>
      <translation>Minutes of the council meeting</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="100" />
      <source>Báo cáo của Tổ tư vấn</source>
      <translation>Advisory team's report</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="180" />
      <source>Bản sao lưu trước khi nhập: {backup}</source>
      <translation>Backup made before the import: {backup}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/recovery.py" line="120" />
      <source>Bản sao lưu tốt gần nhất (đã kiểm tra): {time}.</source>
      <translation>Latest good backup (checked): {time}.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="125" />
      <source>Bản sao lưu đã được kiểm tra: đọc được, đầy đủ, mọi giá trị hợp lệ.</source>
      <translation>The backup has been checked: readable, complete, every value valid.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="68" />
      <source>Bản sắc, trí tuệ địa phương</source>
      <translation>Local identity and knowledge</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="52" />
      <source>Bảng tổng hợp kết quả (PDF, Excel)</source>
      <translation>Results summary (PDF, Excel)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="275" />
      <source>Bảo vệ bằng cụm mật khẩu (Argon2id, AES-256-GCM)</source>
      <translation>Protected by a passphrase (Argon2id, AES-256-GCM)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="273" />
      <source>Bảo vệ bằng cụm mật khẩu; đang mở trong phiên làm việc này</source>
      <translation>Protected by a passphrase; unlocked for this session</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="146" />
      <source>Bảo vệ khóa ký bằng cụm mật khẩu</source>
      <translation>Protect the signing key with a passphrase</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="601" />
      <source>Bấm «Hoàn tất» để tạo tệp dữ liệu, tài khoản và khóa ký.</source>
      <translation>Press “Finish” to make the data file, the account and the signing key.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="40" />
      <source>Bỏ phiếu giấy chưa nhập</source>
      <translation>Discard the empty paper ballot</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="434" />
      <source>Bộ phiếu</source>
      <translation>Scoring sheet</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="91" />
      <source>Bộ tiêu chí</source>
      <translation>Criteria</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="271" />
      <source>CHƯA BẢO VỆ: khóa cũ lưu không mã hóa; hãy đặt cụm mật khẩu</source>
      <translation>NOT PROTECTED: an older key stored unencrypted; set a passphrase</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/crash.py" line="84" />
      <source>Chi tiết lỗi đã được ghi vào tệp nhật ký:
{path}
Nếu lỗi lặp lại, hãy gửi tệp này cho người hỗ trợ.</source>
      <translation>The details were written to the log file:
{path}
If the error comes back, send this file to whoever supports you.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/__init__.py" line="95" />
      <source>Chuẩn bị đợt</source>
      <translation>Round set-up</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="132" />
      <source>Chào mừng đến với OCOP Desktop</source>
      <translation>Welcome to OCOP Desktop</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="119" />
      <source>Chênh lệch vượt ngưỡng</source>
      <translation>Spread over the limit</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="232" />
      <source>Chênh lệch điểm</source>
      <translation>Spread of totals</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="574" />
      <source>Chính cài đặt này</source>
      <translation>This installation</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="467" />
      <source>Chưa chấm</source>
      <translation>Not yet scored</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="168" />
      <source>Chưa chọn trường hợp</source>
      <translation>No case chosen yet</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="224" />
      <source>Chưa có</source>
      <translation>Not yet</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="83" />
      <source>Chưa có bản sao lưu nào của tệp này.</source>
      <translation>This file has no backups yet.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="83" />
      <source>Chưa có hồ sơ nào trong đợt.</source>
      <translation>The round has no dossier yet.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/__init__.py" line="60" />
      <source>Chưa có hội đồng: hãy tạo hội đồng, rồi tạo đợt đánh giá.</source>
      <translation>No council yet: create the council, then a round.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="188" />
      <source>Chưa có khóa ký</source>
      <translation>No signing key</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="266" />
      <source>Chưa có khóa ký trên máy này</source>
      <translation>No signing key on this computer</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="426" />
      <source>Chưa có khóa tin cậy nào. Thêm khóa từ tệp khóa công khai hội đồng gửi kèm phiếu đăng ký.</source>
      <translation>No trusted keys yet. Add a key from the public key file a council sends with its registration form.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="139" />
      <source>Chưa có kết quả</source>
      <translation>No result yet</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/certificate_check.py" line="74" />
      <source>Chưa có nội dung nào để kiểm tra: hãy dán nội dung mã QR vào ô trên.</source>
      <translation>Nothing to check yet: paste the text of the QR code in the box above.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="99" />
      <source>Chưa có.</source>
      <translation>None yet.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="111" />
      <source>Chưa công nhận hạng sao nào tại hội đồng này</source>
      <translation>No star recognised by this council</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/paper_entry.py" line="236" />
      <source>Chưa nhập phương án cho {count} tiêu chí: {items}.</source>
      <translation>No option typed yet for {count} criteria: {items}.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="569" />
      <source>Chưa nhập tệp trao đổi nào (dữ liệu nhập trực tiếp)</source>
      <translation>No exchange file imported (data entered here)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="61" />
      <source>Chưa phê duyệt</source>
      <translation>Not approved yet</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="285" />
      <source>Chưa phê duyệt được:</source>
      <translation>Cannot approve yet:</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="284" />
      <source>Chưa xếp hạng</source>
      <translation>No stars</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="205" />
      <source>Chưa đạt mức tối thiểu</source>
      <translation>Minimum not met for</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="208" />
      <source>Chấm lại</source>
      <translation>Re-score</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="209" />
      <source>Chấm lại mở một lượt chấm mới: mọi thành viên chấm lại tất cả các tiêu chí của sản phẩm; các phiếu cũ được giữ nguyên trong hồ sơ.
Lý do chấm lại:</source>
      <translation>A re-score opens a new scoring round: every member scores every criterion of the product again; the earlier ballots are kept in the record.
Reason for the re-score:</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="76" />
      <source>Chấm lại…</source>
      <translation>Re-score…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/__init__.py" line="97" />
      <source>Chấm điểm</source>
      <translation>Scoring</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="105" />
      <source>Chấp nhận khóa {key} ({council}) cho lần nhập này — đã đối chiếu mã với giấy tờ; ghi nhật ký</source>
      <translation>Accept key {key} ({council}) for this import — compared with the paper form; recorded in the audit trail</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="572" />
      <source>Chấp nhận một lần (khóa chưa tin cậy)</source>
      <translation>Accepted once (untrusted key)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="356" />
      <source>Chọn cấp và địa bàn của hội đồng (đơn vị hành chính từ 01/7/2025).</source>
      <translation>Choose the council's level and area (administrative units since 01/7/2025).</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pdf_view.py" line="162" />
      <source>Chọn một tệp PDF rồi bấm «Xem trước».</source>
      <translation>Choose a PDF file, then press “Preview”.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="211" />
      <source>Chọn một đợt đánh giá trong cửa sổ chính để thấy thành viên hội đồng của đợt.</source>
      <translation>Choose an evaluation round in the main window to see its council members.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="133" />
      <source>Chọn ngôn ngữ / Choose the language</source>
      <translation>Chọn ngôn ngữ / Choose the language</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="36" />
      <source>Chọn phiếu chấm Excel thành viên gửi lại</source>
      <translation>Choose the Excel ballots a member sent back</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="88" />
      <source>Chọn thư mục</source>
      <translation>Choose a folder</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="538" />
      <source>Chọn tệp Excel</source>
      <translation>Choose an Excel file</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="62" />
      <source>Chọn tệp khóa công khai của hội đồng</source>
      <translation>Choose a council's public key file</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="33" />
      <source>Chọn tệp trao đổi cần nhập</source>
      <translation>Choose the exchange files to import</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/certificate_check.py" line="82" />
      <source>Chọn ảnh hoặc tệp PDF của giấy chứng nhận</source>
      <translation>Choose a picture or the PDF of a certificate</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="206" />
      <source>Chọn…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="73" />
      <source>Chủ thể</source>
      <translation>Producer</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="23" />
      <source>Chủ tịch</source>
      <translation>Chair</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="37" />
      <source>Chủ tịch hội đồng</source>
      <translation>Council chair</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="86" />
      <source>Chủ tịch mở lại đợt đã có quyết định công nhận để bổ sung hồ sơ, phiếu chấm hoặc chấm lại (ghi lý do)</source>
      <translation>The chair reopens a round past its recognition decision to add dossiers, ballots or re-scores (with a reason)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="192" />
      <source>Chức vụ</source>
      <translation>Position</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="133" />
      <source>Chức vụ người ký</source>
      <translation>Signer's title</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="58" />
      <source>Các bản sao lưu của tệp {file} trong thư mục {folder}, mới nhất ở trên. Chọn một bản: phần mềm kiểm tra nó trước, rồi hỏi lại trước khi thay tệp đang mở.</source>
      <translation>Backups of {file} in the folder {folder}, newest first. Choose one: it is checked first, and you are asked again before the open file is replaced.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/paper_entry.py" line="190" />
      <source>Các số phương án được nhận</source>
      <translation>The option numbers allowed</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="233" />
      <source>Các tiêu chí chênh nhiều nhất</source>
      <translation>Criteria with the widest disagreement</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="377" />
      <source>Các tên được gợi ý theo địa bàn đã chọn; sửa lại nếu văn bản của hội đồng ghi khác.</source>
      <translation>The names are suggested from the area chosen; change them if the council's documents word them differently.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="39" />
      <source>Cán bộ tỉnh</source>
      <translation>Provincial officer</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="312" />
      <source>Còn (ngày)</source>
      <translation>Days left</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="145" />
      <source>Còn hiệu lực</source>
      <translation>Valid</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="179" />
      <source>Có</source>
      <translation>Yes</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="321" />
      <source>Có giá trị đến</source>
      <translation>Valid until</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="219" />
      <source>Có quy định dừng đánh giá</source>
      <translation>Has a stop rule</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="217" />
      <source>Có quy định loại sản phẩm</source>
      <translation>Has an elimination rule</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="98" />
      <source>Công nhận ngay hạng sao cao nhất trong thẩm quyền (đạt mức tối thiểu) và đề nghị cấp trên</source>
      <translation>Recognise now the highest star within the council's authority (minimums met) and refer</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="112" />
      <source>Công nhận ngay {stars} sao trong thẩm quyền</source>
      <translation>Recognised now at {stars} {stars:star|stars} within the council's authority</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="108" />
      <source>Công nhận {stars} sao</source>
      <translation>Recognised at {stars} {stars:star|stars}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="200" />
      <source>Căn cứ thu hồi (Điều 8 khoản 1)</source>
      <translation>Ground for revocation (Article 8(1))</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="193" />
      <source>Cơ quan</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="365" />
      <source>Cơ quan ban hành</source>
      <translation>Issuing body</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="366" />
      <source>Cơ quan chủ quản</source>
      <translation>Parent body</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="137" />
      <source>Cơ quan chủ trì</source>
      <translation>Managing body</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="162" />
      <source>Cấp</source>
      <translation>Level</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="76" />
      <source>Cấp huyện</source>
      <translation>District level</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="362" />
      <source>Cấp hội đồng</source>
      <translation>Council level</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="78" />
      <source>Cấp trung ương</source>
      <translation>National level</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="77" />
      <source>Cấp tỉnh</source>
      <translation>Provincial level</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="75" />
      <source>Cấp xã</source>
      <translation>Commune level</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="145" />
      <source>Cần có mặt chủ tịch</source>
      <translation>Chair must be present</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="115" />
      <source>Cụm mật khẩu</source>
      <translation>Passphrase</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="507" />
      <source>Cụm mật khẩu cần ít nhất {minimum} ký tự; nên dùng vài từ dễ nhớ, khó đoán, do Chủ tịch hội đồng chọn. Không ai khôi phục được cụm mật khẩu đã quên: khi đó phải tạo khóa mới và đăng ký lại.</source>
      <translation>The passphrase needs at least {minimum} characters; use a few words easy to remember and hard to guess, chosen by the council's chair. Nobody can recover a forgotten passphrase: a new key must then be made and registered again.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="129" />
      <source>Cụm mật khẩu cần ít nhất {minimum} ký tự; nên dùng vài từ dễ nhớ, khó đoán. Không ai khôi phục được cụm mật khẩu đã quên: khi đó phải tạo khóa mới và đăng ký lại.</source>
      <translation>The passphrase needs at least {minimum} characters; a few words easy to remember and hard to guess. Nobody can recover a forgotten passphrase: a new key must then be created and registered.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="159" />
      <source>Cụm mật khẩu hiện tại</source>
      <translation>Current passphrase</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="160" />
      <source>Cụm mật khẩu mới</source>
      <translation>New passphrase</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="368" />
      <source>Danh sách sản phẩm</source>
      <translation>Products</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="119" />
      <source>Doanh nghiệp nhỏ và vừa</source>
      <translation>Small or medium enterprise</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="66" />
      <source>Dung lượng</source>
      <translation>Size</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/certificate_check.py" line="38" />
      <source>Dán nội dung mà ứng dụng quét mã QR trên điện thoại hiển thị, hoặc mở ảnh chụp, ảnh quét (PNG, JPEG) hay tệp PDF của giấy chứng nhận. Chữ ký số trong mã được kiểm tra ngay trên máy, không cần mạng.</source>
      <translation>Paste the text a phone's QR scanner showed, or open a photo or scan (PNG, JPEG) or the PDF of a certificate. The digital signature in the code is checked on this computer, with no network.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="315" />
      <source>Dân tộc</source>
      <translation>Ethnicity</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="368" />
      <source>Dòng</source>
      <translation>Row</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="173" />
      <source>Dấu sao (★★★, ★★★★, ★★★★★) là mức tối thiểu phải đạt để được xếp hạng sao tương ứng.</source>
      <translation>Star marks (★★★, ★★★★, ★★★★★) are the minimum a product must reach for that star rating.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="39" />
      <source>Dừng đánh giá các bước tiếp theo</source>
      <translation>Stop the evaluation here</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/app.py" line="148" />
      <source>Dữ liệu OCOP (*.ocopdb)</source>
      <translation>OCOP data (*.ocopdb)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="145" />
      <source>Dữ liệu đơn vị hành chính</source>
      <translation>Administrative units data</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/projector.py" line="37" />
      <source>Esc hoặc F5: đóng màn chiếu · F11: toàn màn hình / cửa sổ</source>
      <translation>Esc or F5: close the projector · F11: full screen / window</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="99" />
      <source>Ghi chú</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="449" />
      <source>Ghi giờ kết thúc phiên họp…</source>
      <translation>Record when the session ended…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="75" />
      <source>Ghi nội dung thảo luận…</source>
      <translation>Record the discussion…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="106" />
      <source>Ghi quyết định công nhận</source>
      <translation>Record recognition decision</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="82" />
      <source>Ghi quyết định công nhận của đợt và cấp giấy chứng nhận cho các sản phẩm đã phê duyệt</source>
      <translation>Record the round's recognition decision and issue certificates to the approved products</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="80" />
      <source>Ghi quyết định công nhận…</source>
      <translation>Record recognition decision…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="450" />
      <source>Ghi thành viên không tham gia chấm hồ sơ đang chọn…</source>
      <translation>Record a recusal for the selected dossier…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="84" />
      <source>Giấy chứng nhận</source>
      <translation>Certificate</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="56" />
      <source>Giấy chứng nhận (PDF, sổ Excel)</source>
      <translation>Certificates (PDF, Excel register)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="371" />
      <source>Giấy chứng nhận cần theo dõi</source>
      <translation>Certificates to follow</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="266" />
      <source>Giấy chứng nhận số {number}, theo quyết định {decision}</source>
      <translation>Certificate no. {number}, under decision {decision}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="189" />
      <source>Giấy chứng nhận được ký bằng khóa ký của hội đồng, nhưng máy này chưa có khóa. Tạo khóa ngay?</source>
      <translation>Certificates are signed with the council's signing key, but this computer has none. Create it now?</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="92" />
      <source>Giấy phép</source>
      <translation>Licences</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="91" />
      <source>Giới thiệu</source>
      <translation>About</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="73" />
      <source>Giới thiệu OCOP Desktop</source>
      <translation>About OCOP Desktop</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="314" />
      <source>Giới tính</source>
      <translation>Gender</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="241" />
      <source>Giờ bắt đầu</source>
      <translation>Start time</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="433" />
      <source>Giờ họp</source>
      <translation>Hours</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="260" />
      <source>Giờ kết thúc (giờ:phút)</source>
      <translation>Ended at (hours:minutes)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="255" />
      <source>Giờ kết thúc phiên họp</source>
      <translation>When the session ended</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="378" />
      <source>Gõ vài chữ của tên…</source>
      <translation>Type a few letters of the name…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="240" />
      <source>Gửi tỉnh tệp khóa công khai kèm phiếu đăng ký đã ký, đóng dấu (bằng đường công văn). Tỉnh đối chiếu mã khóa qua điện thoại trước khi tin cậy khóa.</source>
      <translation>Send the province the public key file with the signed and stamped registration form (by official dispatch). The province compares the key id by telephone before trusting the key.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="295" />
      <source>Hai lần nhập không khớp</source>
      <translation>The two entries do not match</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="134" />
      <source>Hiệu lực giấy chứng nhận</source>
      <translation>Certificate validity</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="66" />
      <source>Hoàn tác</source>
      <translation>Undo</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="703" />
      <source>Hoàn tất</source>
      <translation>Finish</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="306" />
      <source>Hãy chọn một thành viên trong bảng.</source>
      <translation>Choose a member in the table.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="230" />
      <source>Hãy chọn một tài khoản trong bảng.</source>
      <translation>Choose an account in the table.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="405" />
      <source>Hãy chọn tên của mình: gõ vài chữ của tên, hoặc mở danh sách.</source>
      <translation>Choose your name: type a few letters of it, or open the list.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="168" />
      <source>Hãy đánh dấu ít nhất một sản phẩm được công nhận.</source>
      <translation>Tick at least one product to recognise.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="213" />
      <source>Hướng dẫn</source>
      <translation>Guidance</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="89" />
      <source>Hướng dẫn sử dụng</source>
      <translation>User manual</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/manual.py" line="157" />
      <source>Hướng dẫn sử dụng — OCOP Desktop</source>
      <translation>User manual — OCOP Desktop</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="192" />
      <source>Hạng theo điểm</source>
      <translation>Band by points</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="146" />
      <source>Hết hạn</source>
      <translation>Expired</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="320" />
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/main_window.py" line="106" />
      <source>Hồ sơ</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="510" />
      <source>Hồ sơ ({n})</source>
      <translation>Dossiers ({n})</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="169" />
      <source>Hồ sơ bị loại</source>
      <translation>Dossier rejected</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="116" />
      <source>Hồ sơ nộp</source>
      <translation>Dossiers submitted</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="165" />
      <source>Hồ sơ trong đợt</source>
      <translation>Dossiers in the round</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="602" />
      <source>Hồ sơ đánh giá lại được nộp trong khoảng từ {opens} đến {closes} ngày trước khi giấy chứng nhận hết hạn (QĐ 26/2026/QĐ-TTg, Điều 7.6). Chỉ xét giấy chứng nhận mới nhất của mỗi sản phẩm.</source>
      <translation>A re-evaluation dossier is submitted from {opens} to {closes} days before the certificate expires (QĐ 26/2026/QĐ-TTg, Article 7.6). Only each product's latest certificate is considered.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="198" />
      <source>Hồ sơ, phiếu chấm, kết quả và nhật ký của hội đồng được ghi vào một tệp. Mỗi ngày và trước mỗi bước quan trọng, phần mềm tự sao lưu tệp vào thư mục «backups» bên cạnh nó.</source>
      <translation>The council's dossiers, ballots, results and log are written to one file. Every day and before every important step, the program backs the file up into the “backups” folder beside it.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="121" />
      <source>Hộ sản xuất, hộ kinh doanh</source>
      <translation>Household business</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="623" />
      <source>Hội đồng</source>
      <translation>Council</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="543" />
      <source>Hội đồng / tệp</source>
      <translation>Council / file</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="355" />
      <source>Hội đồng / đơn vị</source>
      <translation>Council / body</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/__init__.py" line="71" />
      <source>Hội đồng mới: hãy thêm thành viên và tạo đợt đánh giá.</source>
      <translation>New council: add its members and create a round.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="370" />
      <source>Hội đồng và tệp</source>
      <translation>Councils and files</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="132" />
      <source>Hội đồng đánh giá</source>
      <translation>Evaluation council</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="59" />
      <source>Hội đồng — Đợt</source>
      <translation>Council — Round</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="122" />
      <source>Hội, hiệp hội, trung tâm điều hành</source>
      <translation>Association or management centre</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="117" />
      <source>Hợp tác xã</source>
      <translation>Cooperative</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="178" />
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="355" />
      <source>In trên biên bản, quyết định, giấy chứng nhận và phiếu đăng ký khóa.</source>
      <translation>Printed on the minutes, decisions, certificates and the key registration form.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="312" />
      <source>In {name}</source>
      <translation>Print {name}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="138" />
      <source>In…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="128" />
      <source>Khác</source>
      <translation>Other</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="27" />
      <source>Khách mời</source>
      <translation>Guest</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="59" />
      <source>Khóa</source>
      <translation>Key</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="144" />
      <source>Khóa / mở lại tài khoản</source>
      <translation>Disable / enable account</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="561" />
      <source>Khóa của tệp này chưa được tin cậy; người nhập đã chấp nhận nó cho riêng tệp này</source>
      <translation>This file's key is not trusted; the person importing it accepted it for this file only</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="625" />
      <source>Khóa ký</source>
      <translation>Signing key</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="208" />
      <source>Khóa ký của hội đồng</source>
      <translation>Council signing key</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="86" />
      <source>Khóa ký của hội đồng…</source>
      <translation>Council signing key…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="138" />
      <source>Khóa ký của máy này đang lưu không mã hóa (tệp cũ). Đặt cụm mật khẩu để bảo vệ nó: vẫn là khóa cũ, các giấy chứng nhận đã in vẫn hợp lệ.</source>
      <translation>This computer's signing key is stored unencrypted (an older file). Set a passphrase to protect it: it stays the same key, and certificates already printed stay valid.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="523" />
      <source>Khóa ký dùng để ký mã QR trên giấy chứng nhận và tệp kết quả gửi tỉnh, để tỉnh biết chúng đúng là của hội đồng. Chưa có khóa vẫn chấm điểm và in biên bản được, nhưng chưa cấp được giấy chứng nhận và chưa gửi được kết quả cho tỉnh.</source>
      <translation>The signing key signs the QR code on certificates and the results file sent to the province, so that the province knows they really come from the council. Without a key the council can still score and print the minutes, but cannot issue certificates or send its results to the province.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="408" />
      <source>Khóa tin cậy (hội đồng, đơn vị cấp)</source>
      <translation>Trusted keys (councils, issuers)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="87" />
      <source>Khóa tin cậy (hội đồng, đơn vị cấp)…</source>
      <translation>Trusted keys (councils, issuers)…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/recovery.py" line="76" />
      <source>Khôi phục bản sao lưu này</source>
      <translation>Restore this backup</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="87" />
      <source>Khôi phục bản đã chọn…</source>
      <translation>Restore the chosen backup…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="122" />
      <source>Khôi phục tệp {file} từ bản sao lưu lúc {time}?</source>
      <translation>Restore {file} from the backup of {time}?</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="53" />
      <source>Khôi phục từ bản sao lưu</source>
      <translation>Restore from a backup</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="55" />
      <source>Khôi phục từ bản sao lưu…</source>
      <translation>Restore from a backup…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="180" />
      <source>Không</source>
      <translation>No</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/start_page.py" line="46" />
      <source>Không có ai đăng nhập. Dữ liệu đã lưu; không có gì hiện trên màn hình.</source>
      <translation>Nobody is signed in. The data is saved; nothing of it is on screen.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="233" />
      <source>Không có giấy chứng nhận: đợt chưa có quyết định công nhận (trang Kết quả → Ghi quyết định công nhận…).</source>
      <translation>No certificates: the round has no recognition decision yet (Results page → Record recognition decision…).</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="194" />
      <source>Không cấp giấy chứng nhận</source>
      <translation>No certificate</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/recovery.py" line="57" />
      <source>Không mở được tệp dữ liệu</source>
      <translation>The data file does not open</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/recovery.py" line="64" />
      <source>Không mở được tệp dữ liệu:</source>
      <translation>This data file does not open:</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="189" />
      <source>Không nhập</source>
      <translation>Not imported</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="82" />
      <source>Không tham gia chấm</source>
      <translation>Recused</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="511" />
      <source>Không tham gia chấm ({n})</source>
      <translation>Recusals ({n})</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="201" />
      <source>Không thực hiện được</source>
      <translation>Could not be done</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/recovery.py" line="112" />
      <source>Không tìm thấy bản sao lưu dùng được trong thư mục {folder}.</source>
      <translation>No usable backup was found in the folder {folder}.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/manual.py" line="217" />
      <source>Không tìm thấy sách hướng dẫn</source>
      <translation>The manual cannot be found</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/manual.py" line="232" />
      <source>Không tìm thấy trang {path} của sách hướng dẫn.</source>
      <translation>The manual's page {path} cannot be found.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="263" />
      <source>Không tạo tài liệu nào.</source>
      <translation>No document was made.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="261" />
      <source>Không tạo tài liệu nào:</source>
      <translation>No document was made:</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="649" />
      <source>Không tạo được tệp dữ liệu: {detail}</source>
      <translation>The data file could not be made: {detail}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="66" />
      <source>Không xếp hạng</source>
      <translation>Not rated</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="137" />
      <source>Không xếp hạng (bị loại / dừng đánh giá)</source>
      <translation>Not rated (eliminated / evaluation stopped)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="118" />
      <source>Không áp dụng</source>
      <translation>Not applicable</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="66" />
      <source>Không đạt</source>
      <translation>Eliminated</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/crash.py" line="61" />
      <source>Không đọc hoặc ghi được tệp {file}: {reason}</source>
      <translation>The file {file} could not be read or written: {reason}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/certificate_check.py" line="34" />
      <source>Kiểm tra giấy chứng nhận</source>
      <translation>Check a certificate</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="90" />
      <source>Kiểm tra giấy chứng nhận…</source>
      <translation>Check a certificate…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="359" />
      <source>Ký cho hội đồng</source>
      <translation>Signs for council</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="501" />
      <source>Ký mã QR trên giấy chứng nhận và tệp kết quả gửi tỉnh.</source>
      <translation>Signs the QR code on certificates and the results file sent to the province.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/__init__.py" line="98" />
      <source>Kết quả</source>
      <translation>Results</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="59" />
      <source>Kết quả nhập</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="148" />
      <source>Kết quả sẽ được khóa; chỉ chủ tịch mở lại được, kèm lý do. Phê duyệt?</source>
      <translation>The result will be locked; only the chair can reopen it, with a reason. Approve?</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/manual.py" line="227" />
      <source>Liên kết này dẫn ra ngoài; phần mềm không mở kết nối mạng. Địa chỉ: {address}</source>
      <translation>This link leads outside; the application opens no network connection. Address: {address}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="312" />
      <source>Loại hình</source>
      <translation>Legal form</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="44" />
      <source>Loại quyết định</source>
      <translation>Kind of decision</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="38" />
      <source>Loại sản phẩm theo tiêu chí</source>
      <translation>Eliminate under a criterion</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="87" />
      <source>Là thành viên hội đồng</source>
      <translation>Is council member</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="67" />
      <source>Làm lại</source>
      <translation>Redo</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="66" />
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="275" />
      <source>Lý do (xung đột lợi ích)</source>
      <translation>Reason (conflict of interest)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="164" />
      <source>Lý do mở lại (ghi vào nhật ký):</source>
      <translation>Reason for reopening (recorded in the audit log):</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="181" />
      <source>Lưu</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="362" />
      <source>Lưu danh sách sản phẩm đang hiển thị, số liệu tổng hợp và giấy chứng nhận cần theo dõi</source>
      <translation>Save the products shown, their counts and the certificates to follow</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="322" />
      <source>Lưu phiếu đăng ký khóa</source>
      <translation>Save key registration form</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="229" />
      <source>Lưu phiếu đăng ký khóa (PDF)…</source>
      <translation>Save key registration form (PDF)…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="512" />
      <source>Lưu phiếu đăng ký khóa (PDF, để in, ký, đóng dấu, gửi tỉnh) vào thư mục:</source>
      <translation>Save the key registration form (PDF, to print, sign, stamp and send to the province) in the folder:</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="536" />
      <source>Lưu tệp Excel mẫu</source>
      <translation>Save the Excel template</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="453" />
      <source>Lưu tệp Excel mẫu…</source>
      <translation>Save the Excel template…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="305" />
      <source>Lưu tệp khóa công khai</source>
      <translation>Save public key file</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="38" />
      <source>Lưu tệp trao đổi</source>
      <translation>Save the exchange file</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="106" />
      <source>Lưu và nộp phiếu</source>
      <translation>Save and submit</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="273" />
      <source>Lượt chấm {n}: điểm trung bình {average}, chênh lệch {spread}</source>
      <translation>Scoring round {n}: average {average}, spread {spread}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="59" />
      <source>Lần gửi</source>
      <translation>Revision</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="307" />
      <source>Lần nhập thứ nhất do tài khoản «{account}» gõ; lần thứ hai phải là một người khác.</source>
      <translation>The first entry was typed by the account «{account}»; the second must be typed by somebody else.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="545" />
      <source>Lần xuất</source>
      <translation>Revision</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="78" />
      <source>Lần đăng ký</source>
      <translation>Registration</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="58" />
      <source>Lần đầu</source>
      <translation>First evaluation</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="375" />
      <source>Lọc xã, phường (không cần dấu)…</source>
      <translation>Filter communes (accents optional)…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="116" />
      <source>Lỗi</source>
      <translation>Problem</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="73" />
      <source>Màn chiếu (F5)</source>
      <translation>Projector (F5)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="530" />
      <source>Máy này đã có khóa ký của hội đồng; hội đồng mới dùng khóa này. Mã khóa:</source>
      <translation>This computer already has the council's signing key; the new council uses it. Key id:</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/crash.py" line="58" />
      <source>Máy tính không còn đủ bộ nhớ để làm tiếp thao tác vừa rồi.</source>
      <translation>The computer does not have enough memory left to finish what you just did.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="387" />
      <source>Mã PIN</source>
      <translation>PIN</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="152" />
      <source>Mã PIN của thành viên</source>
      <translation>Members' PINs</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="336" />
      <source>Mã PIN của thành viên (Tệp → Đổi người chấm): {pins}.</source>
      <translation>Members' PINs (File → Change scorer): {pins}.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="309" />
      <source>Mã PIN của {name}</source>
      <translation>PIN of {name}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="309" />
      <source>Mã PIN mới</source>
      <translation>New PIN</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="222" />
      <source>Mã khóa</source>
      <translation>Key id</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="82" />
      <source>Mã nguồn mở, Giấy phép Apache 2.0; thư viện, phông chữ và dữ liệu kèm theo giữ giấy phép riêng.</source>
      <translation>Open source under the Apache License 2.0; the bundled libraries, fonts and data keep their own licences.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="316" />
      <source>Mã số</source>
      <translation>Code</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="72" />
      <source>Mã số sản phẩm</source>
      <translation>Product code</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="324" />
      <source>Mã số sản phẩm (nếu đã có)</source>
      <translation>Product code (if it has one)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="59" />
      <source>Mã xác thực</source>
      <translation>Verification code</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="247" />
      <source>Mã xác thực dữ liệu của đợt: &lt;b&gt;{code}&lt;/b&gt; — mã cuối cùng (mọi kết quả đã phê duyệt): in trên biên bản; tệp gửi tỉnh phải mang đúng mã này</source>
      <translation>Verification code of the round's data: &lt;b&gt;{code}&lt;/b&gt; — final (every result approved): printed on the minutes; the file sent to the province must carry exactly this code</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="254" />
      <source>Mã xác thực dữ liệu của đợt: &lt;b&gt;{code}&lt;/b&gt; — mã tạm thời: còn {count} sản phẩm chưa phê duyệt, mã sẽ đổi sau mỗi lần phê duyệt; hãy in biên bản sau khi phê duyệt hết</source>
      <translation>Verification code of the round's data: &lt;b&gt;{code}&lt;/b&gt; — provisional: {count} {count:product|products} not yet approved, the code changes with each approval; print the minutes once all are approved</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="321" />
      <source>Mật khẩu</source>
      <translation>Password</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="285" />
      <source>Mật khẩu cần ít nhất {minimum} ký tự. Hãy ghi nhớ: không ai khôi phục được mật khẩu đã quên.</source>
      <translation>The password needs at least {minimum} characters. Remember it: nobody can recover a forgotten password.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="106" />
      <source>Mật khẩu hiện tại</source>
      <translation>Current password</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="320" />
      <source>Mật khẩu mới</source>
      <translation>New password</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="196" />
      <source>Mọi dữ liệu của hội đồng nằm trong một tệp; các bản sao lưu tự động nằm bên cạnh.</source>
      <translation>All of the council's data is in one file; the automatic backups sit beside it.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="433" />
      <source>Mọi hạng sao</source>
      <translation>All stars</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="445" />
      <source>Mọi hội đồng</source>
      <translation>All councils</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="437" />
      <source>Mọi nhóm sản phẩm</source>
      <translation>All product groups</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="441" />
      <source>Mọi năm</source>
      <translation>All years</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="438" />
      <source>Mọi tỉnh, thành phố</source>
      <translation>All provinces</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="439" />
      <source>Mọi xã, phường</source>
      <translation>All communes</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="274" />
      <source>Mỗi lần mở tệp dữ liệu, phần mềm hỏi tên đăng nhập và mật khẩu này. Tài khoản này có quyền quản trị và thư ký.</source>
      <translation>Each time the data file is opened, the program asks for this user name and password. This account is an administrator and a secretary.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="165" />
      <source>Mỗi người dùng một tài khoản riêng; nhật ký ghi tên người thực hiện mọi thay đổi. Chủ tịch hội đồng duyệt kết quả và xuất tệp gửi tỉnh; phiếu giấy cần hai người nhập (hai tài khoản thư ký).</source>
      <translation>One account per person; the audit trail names who made every change. The council chair approves results and exports the file for the province; a paper ballot needs two people to type it (two secretary accounts).</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="136" />
      <source>Mở bằng Enter hoặc nhấp đúp để xem bằng chương trình xem tệp của máy.</source>
      <translation>Open with Enter or a double click to view it in this computer's viewer.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="137" />
      <source>Mở bằng ứng dụng khác</source>
      <translation>Open in another application</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/start_page.py" line="30" />
      <source>Mở gần đây</source>
      <translation>Recent files</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="111" />
      <source>Mở khóa ký của hội đồng</source>
      <translation>Unlock the council signing key</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="164" />
      <source>Mở lại kết quả</source>
      <translation>Reopen the result</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="79" />
      <source>Mở lại kết quả…</source>
      <translation>Reopen the result…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="178" />
      <source>Mở lại đợt</source>
      <translation>Reopen the round</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="84" />
      <source>Mở lại đợt…</source>
      <translation>Reopen the round…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="514" />
      <source>Mở phiếu bằng trình xem PDF của máy sau khi lưu</source>
      <translation>Open the form in the computer's PDF viewer once saved</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="139" />
      <source>Mở thư mục</source>
      <translation>Open the folder</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/crash.py" line="89" />
      <source>Mở thư mục nhật ký</source>
      <translation>Open the logs folder</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="89" />
      <source>Mở thư mục sao lưu</source>
      <translation>Open the backup folder</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="310" />
      <source>Mở trang Tài liệu để in quyết định và giấy chứng nhận?</source>
      <translation>Open the Documents page to print the decision and the certificates?</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/main_window.py" line="346" />
      <source>Mở tệp dữ liệu</source>
      <translation>Open a data file</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/start_page.py" line="20" />
      <source>Mở tệp dữ liệu của hội đồng…</source>
      <translation>Open the council's data file…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/start_page.py" line="50" />
      <source>Mở tệp dữ liệu khác…</source>
      <translation>Open another data file…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/recovery.py" line="77" />
      <source>Mở tệp khác…</source>
      <translation>Open another file…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="208" />
      <source>Mở tệp đã có này</source>
      <translation>Open this existing file</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/start_page.py" line="22" />
      <source>Mở đợt đánh giá mẫu</source>
      <translation>Open the demo round</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="33" />
      <source>Mở…</source>
      <translation>Open…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/manual.py" line="182" />
      <source>Mục lục</source>
      <translation>Contents</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="128" />
      <source>Nam</source>
      <translation>Male</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="178" />
      <source>Nguồn</source>
      <translation>Source</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="65" />
      <source>Nguồn gốc sản phẩm, nguyên liệu địa phương</source>
      <translation>Origin of the product, local raw materials</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="67" />
      <source>Nguồn gốc ý tưởng sản phẩm</source>
      <translation>Origin of the product idea</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="177" />
      <source>Nguồn: {source}</source>
      <translation>Source: {source}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="433" />
      <source>Ngày</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="116" />
      <source>Ngày ban hành</source>
      <translation>Issued on</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="320" />
      <source>Ngày cấp</source>
      <translation>Issued</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="239" />
      <source>Ngày họp (dd/mm/yyyy)</source>
      <translation>Meeting date (dd/mm/yyyy)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="130" />
      <source>Ngày ký</source>
      <translation>Date signed</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="79" />
      <source>Ngày nộp hồ sơ</source>
      <translation>Submitted on</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="323" />
      <source>Ngày nộp hồ sơ (dd/mm/yyyy)</source>
      <translation>Submitted on (dd/mm/yyyy)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="312" />
      <source>Ngày thu hồi</source>
      <translation>Revoked on</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="414" />
      <source>Ngày thêm</source>
      <translation>Added</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="225" />
      <source>Ngày tạo</source>
      <translation>Created</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="357" />
      <source>Ngày tạo khóa</source>
      <translation>Key created</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="231" />
      <source>Ngôn ngữ / Language</source>
      <translation>Ngôn ngữ / Language</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/main_window.py" line="342" />
      <source>Ngôn ngữ mới có hiệu lực khi mở lại ứng dụng.</source>
      <translation>The new language applies when you restart the application.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="274" />
      <source>Người chấm</source>
      <translation>Scored by</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="548" />
      <source>Người ký</source>
      <translation>Signed by</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="132" />
      <source>Người ký (họ tên)</source>
      <translation>Signer (full name)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="550" />
      <source>Người nhập</source>
      <translation>Imported by</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="271" />
      <source>Người quản lý tệp dữ liệu: tạo tài khoản cho thư ký, thành viên và chuẩn bị đợt đánh giá.</source>
      <translation>Who manages the data file: makes accounts for secretaries and members and prepares the evaluation rounds.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="271" />
      <source>Người thứ hai đang nhập lại phiếu giấy của {member}.</source>
      <translation>A second person is typing {member}'s paper ballot again.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="274" />
      <source>Người thứ hai đăng nhập để nhập lại phiếu giấy</source>
      <translation>A second person signs in to type the paper ballot again</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="74" />
      <source>Người đại diện</source>
      <translation>Representative</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="219" />
      <source>Ngưỡng chênh lệch điểm</source>
      <translation>Spread limit (points)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="107" />
      <source>Nhóm sản phẩm</source>
      <translation>Product group</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="440" />
      <source>Nhấp đúp vào một thành viên để sửa.</source>
      <translation>Double-click a member to correct it.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="108" />
      <source>Nhập cụm mật khẩu của khóa ký {key_id} để ký giấy chứng nhận. Khóa được giữ mở đến khi đóng ứng dụng.</source>
      <translation>Enter the passphrase of signing key {key_id} to sign the certificates. The key stays unlocked until the application is closed.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="348" />
      <source>Nhập danh sách hồ sơ từ Excel</source>
      <translation>Import a dossier list from Excel</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="452" />
      <source>Nhập danh sách hồ sơ từ Excel…</source>
      <translation>Import a dossier list from Excel…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="549" />
      <source>Nhập lúc</source>
      <translation>Imported</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="108" />
      <source>Nhập lại</source>
      <translation>Type again</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="161" />
      <source>Nhập lại cụm mật khẩu</source>
      <translation>Type the passphrase again</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="85" />
      <source>Nhập lại mật khẩu</source>
      <translation>Password again</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/paper_entry.py" line="121" />
      <source>Nhập lại phiếu giấy</source>
      <translation>Type the paper ballot again</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/paper_entry.py" line="129" />
      <source>Nhập lần thứ hai, theo thứ tự trên phiếu giấy: gõ số phương án được khoanh ở mỗi tiêu chí rồi bấm Enter hoặc Tab để sang tiêu chí tiếp theo. Lần nhập thứ nhất không được hiện ở đây; hai lần nhập được so sánh khi bấm «Đồng ý».</source>
      <translation>Second typing, in the order of the paper sheet: type the number of the option circled for each criterion, then press Enter or Tab to go on to the next one. The first typing is not shown here; the two are compared when you press “OK”.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="48" />
      <source>Nhập phiếu chấm Excel</source>
      <translation>Import Excel ballots</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="100" />
      <source>Nhập phiếu chấm Excel…</source>
      <translation>Import Excel ballots…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="38" />
      <source>Nhập phiếu giấy cho thành viên này…</source>
      <translation>Type the paper ballot of this member…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="43" />
      <source>Nhập phiếu tự đánh giá của chủ thể…</source>
      <translation>Enter the producer's self-assessment…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="101" />
      <source>Nhập tệp phiếu chấm Excel một thành viên đã điền và gửi lại</source>
      <translation>Import the Excel ballots file a member filled in and sent back</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="181" />
      <source>Nhập tệp trao đổi</source>
      <translation>Import exchange files</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="44" />
      <source>Nhập tệp trao đổi (.ocop)…</source>
      <translation>Import exchange files (.ocop)…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="56" />
      <source>Nhập tệp trao đổi — xem trước</source>
      <translation>Import exchange files — preview</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="148" />
      <source>Nhập {count} tệp</source>
      <translation>Import {count} {count:file|files}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="42" />
      <source>Nhập ý kiến của xã và báo cáo tổ tư vấn…</source>
      <translation>Enter the commune's opinion and the advisory report…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/crash.py" line="80" />
      <source>Những gì đã lưu trước khi xảy ra lỗi vẫn được giữ nguyên: mỗi lựa chọn được ghi vào tệp dữ liệu trước khi chương trình báo «Đã lưu». Bạn có thể làm việc tiếp.</source>
      <translation>Work saved before the error is kept: every choice is written to the data file before the program says “Saved”. You can go on working.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="58" />
      <source>Nâng hạng</source>
      <translation>Upgrade</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="104" />
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="195" />
      <source>Nơi lưu tệp dữ liệu</source>
      <translation>Where the data file lives</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="67" />
      <source>Nội dung bộ tiêu chí</source>
      <translation>Criteria texts</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/certificate_check.py" line="47" />
      <source>Nội dung mã QR (dòng đầu bắt đầu bằng số giấy chứng nhận)</source>
      <translation>Text of the QR code (its first line opens with the certificate number)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="194" />
      <source>Nội dung thảo luận:</source>
      <translation>Discussion:</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="258" />
      <source>Nộp phiếu</source>
      <translation>Submit the ballot</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="233" />
      <source>Nộp phiếu (Ctrl+Enter)</source>
      <translation>Submit the ballot (Ctrl+Enter)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="128" />
      <source>Nữ</source>
      <translation>Female</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/main_window.py" line="81" />
      <source>OCOP Desktop</source>
      <translation>OCOP Desktop</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="43" />
      <source>OCOP Desktop — Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP</source>
      <translation>OCOP Desktop — OCOP evaluation criteria</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/projector.py" line="24" />
      <source>OCOP Desktop — Màn chiếu</source>
      <translation>OCOP Desktop — Projector</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="147" />
      <source>PHẦN</source>
      <translation>PART</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="116" />
      <source>Phiên bản</source>
      <translation>Version</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="99" />
      <source>Phiên bản này chưa có phiếu chấm trong phần mềm: hồ sơ cũ vẫn được ghi nhận đúng phiên bản.</source>
      <translation>This version has no scoring sheets in the application: old dossiers are still recorded under it.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="55" />
      <source>Phiên bản quy định</source>
      <translation>Rule version</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="180" />
      <source>Phiên họp</source>
      <translation>Session</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="509" />
      <source>Phiên họp ({n})</source>
      <translation>Sittings ({n})</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="259" />
      <source>Phiên họp ngày</source>
      <translation>Session of</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="39" />
      <source>Phiếu</source>
      <translation>Sheet</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/main_window.py" line="353" />
      <source>Phiếu chưa nộp</source>
      <translation>Ballot not submitted</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="296" />
      <source>Phiếu chưa được tính. Hãy đối chiếu phiếu giấy và sửa lần nhập thứ nhất.</source>
      <translation>The ballot is not counted. Compare with the paper sheet and correct the first typing.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="116" />
      <source>Phiếu chấm</source>
      <translation>Scoring sheets</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="57" />
      <source>Phiếu chấm Excel</source>
      <translation>Excel ballots</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="152" />
      <source>Phiếu chấm trên giấy: bấm «Nhập phiếu giấy cho thành viên này…».</source>
      <translation>A ballot on paper: press “Type the paper ballot of this member…”.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="50" />
      <source>Phiếu của</source>
      <translation>Ballot of</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/main_window.py" line="354" />
      <source>Phiếu của {member} chưa nộp. Các lựa chọn đã lưu và sẽ còn khi mở lại. Vẫn thoát?</source>
      <translation>{member}'s ballot is not submitted. The choices are saved and will be there when the file is opened again. Quit anyway?</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/paper_entry.py" line="122" />
      <source>Phiếu giấy của {member} — sản phẩm {product}</source>
      <translation>Paper ballot of {member} — product {product}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="54" />
      <source>Phiếu góp ý hoàn thiện sản phẩm</source>
      <translation>Improvement reports for producers</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="196" />
      <source>Phiếu này không có mức tối thiểu theo hạng sao: hạng sao chỉ tính theo điểm trung bình. Các yêu cầu tối thiểu mà QĐ 781/QĐ-TTg ngày 08/6/2020 bổ sung vào Bộ tiêu chí của QĐ 1048/QĐ-TTg KHÔNG được kiểm tra (chưa có văn bản phụ lục để đối chiếu); Hội đồng tự đối chiếu và ghi vào biên bản.</source>
      <translation>This sheet has no star minimums: the stars come from the average points alone. The minimum requirements that Decision 781/QĐ-TTg of 08/6/2020 added to the criteria of Decision 1048/QĐ-TTg are NOT checked (no text of that annex to check against); the council checks them itself and records it in the minutes.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="567" />
      <source>Phiếu tự đánh giá của chủ thể</source>
      <translation>Producer's self-assessment</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="77" />
      <source>Phiếu đánh giá</source>
      <translation>Scoring sheet</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="51" />
      <source>Phiếu đánh giá sản phẩm</source>
      <translation>Product scoring sheets</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="444" />
      <source>Phiếu đã nộp — chỉ xem</source>
      <translation>Ballot submitted — read only</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="337" />
      <source>Phiếu đăng ký khóa</source>
      <translation>Key registration form</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="148" />
      <source>Phê duyệt kết quả</source>
      <translation>Approve the result</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="78" />
      <source>Phê duyệt và khóa kết quả</source>
      <translation>Approve and lock the result</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="24" />
      <source>Phó Chủ tịch</source>
      <translation>Vice-chair</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="145" />
      <source>Phông chữ</source>
      <translation>Font</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="125" />
      <source>Phần</source>
      <translation>Part</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="53" />
      <source>Phụ lục danh sách sản phẩm (PDF, Excel)</source>
      <translation>Decision annex: product list (PDF, Excel)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/manual.py" line="176" />
      <source>Quay lại</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="36" />
      <source>Quyết định của hội đồng</source>
      <translation>Council's decision</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="77" />
      <source>Quyết định loại / dừng…</source>
      <translation>Eliminate / stop…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="312" />
      <source>Quyết định thu hồi</source>
      <translation>Revocation decision</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="164" />
      <source>Quyết định thành lập</source>
      <translation>Establishing decision</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="35" />
      <source>Quản trị</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="35" />
      <source>STT</source>
      <translation>No.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="319" />
      <source>Sao</source>
      <translation>Stars</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="54" />
      <source>Sao lưu ngay</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="144" />
      <source>Sau khi khôi phục, tệp được mở lại và mọi người cần đăng nhập lại.</source>
      <translation>After the restore the file is opened again and everyone must sign in again.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="258" />
      <source>Sau khi nộp, phiếu không sửa được nữa. Nộp phiếu?</source>
      <translation>A submitted ballot cannot be changed. Submit it?</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="602" />
      <source>Sau đó mở:</source>
      <translation>Then open:</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/manual.py" line="219" />
      <source>Sách hướng dẫn phải nằm trong thư mục {folder}, nhưng thư mục này không có tệp {file}. Bản cài đặt bị thiếu tệp: hãy chép lại cả thư mục phần mềm từ bộ cài đặt (USB).</source>
      <translation>The manual belongs in the folder {folder}, but that folder has no file {file}. The installation is missing files: copy the whole application folder again from the installation medium (USB stick).</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="71" />
      <source>Sản phẩm</source>
      <translation>Product</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="368" />
      <source>Sản phẩm vượt thẩm quyền</source>
      <translation>Products above the council's authority</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="135" />
      <source>Sản phẩm được công nhận và cấp giấy chứng nhận:</source>
      <translation>Products recognised and given a certificate:</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="156" />
      <source>Sản phẩm đạt hạng sao do cấp trên công nhận (5 sao ở cấp tỉnh): chỉ đề nghị cấp trên, hoặc công nhận ngay hạng sao cao nhất trong thẩm quyền của hội đồng và đề nghị cấp trên (QĐ 26/2026 Điều 7.4)</source>
      <translation>A product whose star a higher level recognises (5 stars at a provincial council): only refer it, or recognise now the highest star within the council's authority and refer it (QĐ 26/2026 Article 7.4)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="600" />
      <source>Sẵn sàng</source>
      <translation>Ready</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="186" />
      <source>Sẽ nhập</source>
      <translation>Will be imported</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="314" />
      <source>Số giấy chứng nhận</source>
      <translation>Certificate number</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="129" />
      <source>Số quyết định</source>
      <translation>Decision number</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="201" />
      <source>Số quyết định thu hồi</source>
      <translation>Revoking decision number</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="66" />
      <source>Sử dụng lao động địa phương</source>
      <translation>Local labour</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="394" />
      <source>Sửa thông tin chủ thể và sản phẩm</source>
      <translation>Correct the producer and the product</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="41" />
      <source>Sửa thông tin chủ thể và sản phẩm…</source>
      <translation>Correct the producer and the product…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="445" />
      <source>Sửa thông tin hội đồng…</source>
      <translation>Correct the council…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/__init__.py" line="150" />
      <source>Sửa thông tin thành viên</source>
      <translation>Correct a member</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/crash.py" line="63" />
      <source>Thao tác vừa rồi không làm xong được vì một lỗi trong chương trình: {detail}</source>
      <translation>What you just did could not be finished because of an error in the program: {detail}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="60" />
      <source>Thay đổi</source>
      <translation>Changes</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="551" />
      <source>Thay đổi (mới / sửa / bỏ)</source>
      <translation>Changes (new / changed / removed)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="128" />
      <source>Thay đổi cuối cùng ghi trong bản sao lưu: {time}.</source>
      <translation>Last change recorded in the backup: {time}.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="505" />
      <source>Theo hạng sao</source>
      <translation>By stars</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="507" />
      <source>Theo nhóm sản phẩm</source>
      <translation>By product group</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="509" />
      <source>Theo nhóm sản phẩm và hạng sao</source>
      <translation>By product group and stars</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="506" />
      <source>Theo năm đánh giá</source>
      <translation>By year of evaluation</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="510" />
      <source>Theo tỉnh, thành phố</source>
      <translation>By province</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="508" />
      <source>Theo xã, phường</source>
      <translation>By commune</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="699" />
      <source>Thiết lập hội đồng mới</source>
      <translation>Set up a new council</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/start_page.py" line="23" />
      <source>Thiết lập hội đồng mới (trợ lý)…</source>
      <translation>Set up a new council (assistant)…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="63" />
      <source>Thoát</source>
      <translation>Quit</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="186" />
      <source>Thu hồi giấy chứng nhận</source>
      <translation>Revoke certificate</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="89" />
      <source>Thu hồi giấy chứng nhận của sản phẩm này (Điều 8 khoản 1)</source>
      <translation>Revoke this product's certificate (Article 8(1))</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="88" />
      <source>Thu hồi giấy chứng nhận…</source>
      <translation>Revoke certificate…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="384" />
      <source>Thu hồi khóa</source>
      <translation>Revoke key</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="380" />
      <source>Thu hồi khóa {key_id} của «{issuer}». Tệp và giấy chứng nhận ký bằng khóa này từ ngày thu hồi bị từ chối; những gì ký trước ngày đó vẫn được nhận nhưng có đánh dấu.</source>
      <translation>Revoke key {key_id} of '{issuer}'. Files and certificates signed with it from that date on are refused; what was signed before is accepted and flagged.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="414" />
      <source>Thu hồi từ ngày</source>
      <translation>Revoked since</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="388" />
      <source>Thu hồi từ ngày (dd/mm/yyyy)</source>
      <translation>Revoked from (dd/mm/yyyy)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="422" />
      <source>Thu hồi…</source>
      <translation>Revoke…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="386" />
      <source>Thành viên</source>
      <translation>Member</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="475" />
      <source>Thành viên ({n})</source>
      <translation>Members ({n})</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="215" />
      <source>Thành viên chấm trên máy chung bằng Tệp → Đổi người chấm (Ctrl+U): chọn tên và gõ mã PIN (ít nhất 4 chữ số). Mã PIN không hiển thị; thành viên quên mã thì đặt mã mới.</source>
      <translation>Members score on the shared laptop with File → Change scorer (Ctrl+U): they pick their name and type their PIN (at least 4 digits). PINs are never shown; a member who forgot theirs gets a new one.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/start_page.py" line="49" />
      <source>Thành viên chấm điểm (tên và mã PIN)…</source>
      <translation>Scoring member (name and PIN)…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="38" />
      <source>Thành viên hội đồng</source>
      <translation>Council member</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="141" />
      <source>Thành viên hội đồng và điểm danh</source>
      <translation>Council members and attendance</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="268" />
      <source>Thành viên không tham gia chấm hồ sơ này</source>
      <translation>Member recused from this dossier</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="285" />
      <source>Thêm hồ sơ</source>
      <translation>Add a dossier</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="451" />
      <source>Thêm hồ sơ…</source>
      <translation>Add a dossier…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="348" />
      <source>Thêm khóa tin cậy</source>
      <translation>Add a trusted key</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="234" />
      <source>Thêm phiên họp</source>
      <translation>Add a meeting session</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="448" />
      <source>Thêm phiên họp…</source>
      <translation>Add a meeting session…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="182" />
      <source>Thêm thành viên hội đồng</source>
      <translation>Add a council member</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="446" />
      <source>Thêm thành viên…</source>
      <translation>Add a member…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="72" />
      <source>Thêm tài khoản</source>
      <translation>Add account</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="141" />
      <source>Thêm tài khoản…</source>
      <translation>Add account…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/__init__.py" line="64" />
      <source>Thêm tài liệu vào hồ sơ</source>
      <translation>Add a document to the dossier</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="40" />
      <source>Thêm tài liệu…</source>
      <translation>Add a document…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="421" />
      <source>Thêm từ tệp…</source>
      <translation>Add from file…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="319" />
      <source>Thôn, xóm, số nhà</source>
      <translation>Village, hamlet, house number</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="354" />
      <source>Thông tin hội đồng</source>
      <translation>The council</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="36" />
      <source>Thư ký</source>
      <translation>Secretary</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="39" />
      <source>Thư ký nhập phiếu chấm trên giấy của thành viên; người thứ hai nhập lại</source>
      <translation>The secretary types the member's paper ballot; a second person types it again</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="183" />
      <source>Thư ký đang nhập phiếu giấy của bạn; phiếu này không sửa ở đây được.</source>
      <translation>The secretary is typing your paper ballot; it cannot be changed here.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="93" />
      <source>Thư mục</source>
      <translation>Folder</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="187" />
      <source>Thư mục dữ liệu của người dùng (khóa ký, khóa tin cậy)</source>
      <translation>The person's data folder (signing key, trusted keys)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="203" />
      <source>Thư mục dữ liệu của tôi trên máy này (nên chọn):</source>
      <translation>My data folder on this computer (recommended):</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="204" />
      <source>Thư mục khác, ví dụ ổ D: hoặc thư mục được sao lưu định kỳ:</source>
      <translation>Another folder, e.g. drive D: or a folder that is backed up regularly:</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="158" />
      <source>Thư mục lưu</source>
      <translation>Save in folder</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="189" />
      <source>Thư mục lưu tài liệu</source>
      <translation>Folder for the documents</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="186" />
      <source>Thư mục phần mềm</source>
      <translation>Application folder</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="317" />
      <source>Thư điện tử</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="237" />
      <source>Thảo luận</source>
      <translation>Discussion</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="194" />
      <source>Thảo luận của hội đồng</source>
      <translation>Council's discussion</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="66" />
      <source>Thời điểm sao lưu</source>
      <translation>Taken at</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="45" />
      <source>Tiêu chí (ví dụ 2.1)</source>
      <translation>Criterion (e.g. 2.1)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="64" />
      <source>Tiêu chí / phương án</source>
      <translation>Criterion / option</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/paper_entry.py" line="223" />
      <source>Tiêu chí {item} chỉ nhận phương án {range}.</source>
      <translation>Criterion {item} takes only option {range}.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/manual.py" line="179" />
      <source>Tiếp</source>
      <translation>Forward</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="702" />
      <source>Tiếp tục &gt;</source>
      <translation>Next &gt;</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="77" />
      <source>Toàn tỉnh</source>
      <translation>Province</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="650" />
      <source>Toàn tỉnh — tính đến ngày {date}: {products} sản phẩm, {councils} hội đồng, {files} tệp đã nhập</source>
      <translation>Province as of {date}: {products} {products:product|products}, {councils} {councils:council|councils}, {files} {files:file|files} imported</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="120" />
      <source>Trang trại</source>
      <translation>Farm</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="77" />
      <source>Trang tính (sản phẩm)</source>
      <translation>Sheet (product)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="479" />
      <source>Trường hợp đã chọn</source>
      <translation>Case chosen</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="140" />
      <source>Trạng thái</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="135" />
      <source>Trợ lý này chuẩn bị máy tính cho hội đồng trong vài phút: nơi lưu tệp dữ liệu, tài khoản quản trị, thông tin hội đồng và khóa ký. Không cần mạng. Chưa có gì được ghi cho đến khi bấm «Hoàn tất».</source>
      <translation>This assistant prepares the computer for the council in a few minutes: where the data file lives, the administrator account, the council's details and its signing key. No network is needed. Nothing is written until you press “Finish”.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="150" />
      <source>Tài khoản</source>
      <translation>Accounts</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="124" />
      <source>Tài khoản này không chấm điểm. Thành viên hội đồng đăng nhập bằng Ctrl+U.</source>
      <translation>This account does not score. Council members sign in with Ctrl+U.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="269" />
      <source>Tài khoản quản trị</source>
      <translation>Administrator account</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="137" />
      <source>Tài khoản và mã PIN</source>
      <translation>Accounts and PINs</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="38" />
      <source>Tài khoản và mã PIN…</source>
      <translation>Accounts and PINs…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/__init__.py" line="99" />
      <source>Tài liệu</source>
      <translation>Documents</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/__init__.py" line="65" />
      <source>Tài liệu (*.pdf *.png *.jpg *.jpeg *.webp *.docx *.xlsx)</source>
      <translation>Documents (*.pdf *.png *.jpg *.jpeg *.webp *.docx *.xlsx)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="95" />
      <source>Tài liệu cần tạo</source>
      <translation>Documents to make</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="209" />
      <source>Tài liệu của đợt</source>
      <translation>The round's documents</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="163" />
      <source>Tài liệu của đợt (Alt+6)…</source>
      <translation>The round's documents (Alt+6)…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="52" />
      <source>Tài liệu kèm theo (mở bằng Enter hoặc nhấp đúp)</source>
      <translation>Attachments (open with Enter or a double click)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="311" />
      <source>Tên chủ thể</source>
      <translation>Producer name</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="534" />
      <source>Tên ghi trên khóa: {issuer}. Ngày tạo: {created}.</source>
      <translation>Name on the key: {issuer}. Made on: {created}.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="364" />
      <source>Tên hội đồng</source>
      <translation>Council name</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="224" />
      <source>Tên hội đồng / đơn vị</source>
      <translation>Council / body name</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="320" />
      <source>Tên sản phẩm</source>
      <translation>Product name</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="57" />
      <source>Tên tiêu chí, phương án và điểm số giữ nguyên lời văn của các quyết định của Thủ tướng Chính phủ. Văn bản quy phạm pháp luật không thuộc đối tượng bảo hộ quyền tác giả (Luật Sở hữu trí tuệ, Điều 15).</source>
      <translation>The criteria, their options and points keep the exact words of the Prime Minister's decisions. Legal normative documents are not subject to copyright (Law on Intellectual Property, Article 15).</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="207" />
      <source>Tên tệp</source>
      <translation>File name</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="318" />
      <source>Tên đăng nhập</source>
      <translation>User name</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="216" />
      <source>Tên đợt</source>
      <translation>Round name</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="51" />
      <source>Tìm phiếu (không cần dấu)…</source>
      <translation>Find a sheet (accents optional)…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="384" />
      <source>Tìm sản phẩm, mã số, chủ thể (không cần dấu)…</source>
      <translation>Find a product, code or producer (accents optional)…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="223" />
      <source>Tình trạng</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="361" />
      <source>Tôi đã đối chiếu mã khóa này với phiếu đăng ký bản giấy (có chữ ký, con dấu) và qua điện thoại</source>
      <translation>I have compared this key id with the signed and stamped paper registration form, and by telephone</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="165" />
      <source>Túc số (tỷ lệ thành viên có mặt)</source>
      <translation>Quorum (share of members present)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="444" />
      <source>Tạo hội đồng…</source>
      <translation>Create the council…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="145" />
      <source>Tạo khóa ký của hội đồng</source>
      <translation>Create the council signing key</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="134" />
      <source>Tạo khóa ký của hội đồng. Khóa dùng để ký giấy chứng nhận và tệp kết quả gửi tỉnh; khóa bí mật được mã hóa bằng cụm mật khẩu do Chủ tịch hội đồng chọn.</source>
      <translation>Create the council's signing key. It signs the certificates and the result files sent to the province; the private key is encrypted under a passphrase the council chair chooses.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="502" />
      <source>Tạo khóa ký ngay (nên làm)</source>
      <translation>Make the signing key now (recommended)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="226" />
      <source>Tạo khóa…</source>
      <translation>Create key…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="301" />
      <source>Tạo tài khoản quản trị</source>
      <translation>Create the administrator account</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="124" />
      <source>Tạo tài liệu</source>
      <translation>Make the documents</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/app.py" line="147" />
      <source>Tạo tệp dữ liệu mới</source>
      <translation>Create a new data file</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/start_page.py" line="21" />
      <source>Tạo tệp dữ liệu mới…</source>
      <translation>Create a new data file…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="206" />
      <source>Tạo đợt đánh giá</source>
      <translation>Create a round</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="447" />
      <source>Tạo đợt đánh giá…</source>
      <translation>Create a round…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="59" />
      <source>Tệp</source>
      <translation>File</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="324" />
      <source>Tệp PDF (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/recovery.py" line="105" />
      <source>Tệp có thể đã bị hỏng (mất điện, rút USB khi đang ghi, ổ đĩa lỗi) hoặc bị một tệp khác ghi đè. Phần mềm tự sao lưu tệp vào thư mục «backups» bên cạnh nó.</source>
      <translation>The file may have been damaged (a power cut, a USB stick pulled out while writing, a failing disk) or overwritten by another file. The program backs the file up into the “backups” folder beside it.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="68" />
      <source>Tệp có {count} lỗi; chưa lưu gì. Hãy sửa trong Excel rồi nhập lại.</source>
      <translation>The file has {count} {count:problem|problems}; nothing was saved. Correct them in Excel and import again.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="621" />
      <source>Tệp dữ liệu</source>
      <translation>Data file</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="603" />
      <source>Tệp dữ liệu mới của hội đồng (để chuẩn bị đợt đánh giá)</source>
      <translation>The council's new data file (to prepare an evaluation round)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="304" />
      <source>Tệp dữ liệu mới: hãy tạo tài khoản quản trị đầu tiên.</source>
      <translation>New data file: create the first administrator account.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="139" />
      <source>Tệp hiện tại không bị xóa: nó được sao lưu trước (lý do «trước khi khôi phục») và giữ trong thư mục sao lưu.</source>
      <translation>The current file is not deleted: it is backed up first (reason "before restore") and kept in the backup folder.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/recovery.py" line="132" />
      <source>Tệp hỏng không bị xóa: nó được đổi tên và giữ lại trong cùng thư mục, để chuyên viên xem lại.</source>
      <translation>The damaged file is not deleted: it is renamed and kept in the same folder, for a specialist to look at.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/recovery.py" line="126" />
      <source>Tệp hỏng được ghi lần cuối lúc {modified}: những gì nhập từ {since} đến lúc đó không có trong bản sao lưu và phải nhập lại.</source>
      <translation>The damaged file was last written at {modified}: what was entered from {since} until then is not in the backup and must be entered again.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="62" />
      <source>Tệp khóa công khai (*.json *.txt)</source>
      <translation>Public key files (*.json *.txt)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="307" />
      <source>Tệp khóa công khai (*.json)</source>
      <translation>Public key file (*.json)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/recovery.py" line="96" />
      <source>Tệp này được tạo bằng một phiên bản OCOP Desktop mới hơn phiên bản trên máy này. Hãy cập nhật phần mềm rồi mở lại tệp. Không khôi phục bản sao lưu cũ: sẽ mất những gì phiên bản mới đã ghi.</source>
      <translation>This file was made by a newer version of OCOP Desktop than the one on this computer. Update the program, then open the file again. Do not restore an older backup: what the newer version recorded would be lost.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="223" />
      <source>Tệp sẽ được tạo: {path}</source>
      <translation>The file to be made: {path}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/certificate_check.py" line="99" />
      <source>Tệp {file}: {n} mã QR</source>
      <translation>File {file}: {n} QR {n:code|codes}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="131" />
      <source>Tệp đang mở có thay đổi đến {current}: mọi điều ghi sau {since} sẽ không còn trong tệp sau khi khôi phục.</source>
      <translation>The open file has changes up to {current}: everything recorded after {since} will no longer be in the file after the restore.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/backups.py" line="137" />
      <source>Tệp đang mở không có thay đổi nào sau bản sao lưu này.</source>
      <translation>The open file has no changes after this backup.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="132" />
      <source>Tệp đã tạo</source>
      <translation>Files made</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="175" />
      <source>Tệp: {file}</source>
      <translation>File: {file}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="318" />
      <source>Tỉnh / xã</source>
      <translation>Province / commune</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="109" />
      <source>Tỉnh, thành phố</source>
      <translation>Province</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="64" />
      <source>Tối thiểu</source>
      <translation>Minimum</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="118" />
      <source>Tổ hợp tác</source>
      <translation>Cooperative group</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="286" />
      <source>Tổng</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="369" />
      <source>Tổng hợp</source>
      <translation>Summary</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="77" />
      <source>Tổng điểm</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="108" />
      <source>Tổng điểm tự đánh giá</source>
      <translation>Self-assessment total</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="101" />
      <source>Tự đánh giá của chủ thể</source>
      <translation>Producer's self-assessment</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="266" />
      <source>Tự đánh giá của chủ thể: {total} điểm</source>
      <translation>Producer's self-assessment: {total} {total:point|points}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="86" />
      <source>Vai trò</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="92" />
      <source>Vai trò của {username}</source>
      <translation>Roles of {username}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="145" />
      <source>Vai trò trong hội đồng</source>
      <translation>Role in the council</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="143" />
      <source>Vai trò…</source>
      <translation>Roles…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="116" />
      <source>Văn bản</source>
      <translation>Decision</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="67" />
      <source>Văn bản quy phạm pháp luật</source>
      <translation>Legal normative document</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="136" />
      <source>Xem trước</source>
      <translation>Preview</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="145" />
      <source>Xem trước lại</source>
      <translation>Preview again</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pdf_view.py" line="151" />
      <source>Xem trước: {name} — {count} trang</source>
      <translation>Preview: {name} — {count} {count:page|pages}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="188" />
      <source>Xung đột — không nhập</source>
      <translation>Conflicts — not imported</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="360" />
      <source>Xuất Excel…</source>
      <translation>Export to Excel…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="669" />
      <source>Xuất danh sách sản phẩm toàn tỉnh</source>
      <translation>Export the province's product list</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="51" />
      <source>Xuất phiếu chấm của tôi (.ocop)…</source>
      <translation>Export my ballots (.ocop)…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="316" />
      <source>Xuất tệp khóa công khai</source>
      <translation>Export public key file</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="228" />
      <source>Xuất tệp khóa công khai…</source>
      <translation>Export public key file…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="47" />
      <source>Xuất tệp trao đổi của đợt gửi tỉnh (.ocop)…</source>
      <translation>Export the round for the province (.ocop)…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="108" />
      <source>Xã, phường</source>
      <translation>Commune</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="159" />
      <source>a) Thông tin trong hồ sơ gian dối, giả mạo</source>
      <translation>a) False or forged information in the dossier</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="160" />
      <source>b) Không còn đáp ứng tiêu chí theo kết luận kiểm tra</source>
      <translation>b) No longer meets the criteria, per an inspection</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="130" />
      <source>bỏ qua, không lưu phiếu cho sản phẩm này</source>
      <translation>skipped: no ballot is saved for this product</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="79" />
      <source>bộ tiêu chí</source>
      <translation>criteria</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="161" />
      <source>c) Vi phạm chất lượng, an toàn thực phẩm, môi trường, sở hữu trí tuệ, nhãn</source>
      <translation>c) Violation on quality, food safety, environment, intellectual property, labelling</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="48" />
      <source>chuẩn bị đợt, hồ sơ, phiếu giấy</source>
      <translation>prepares rounds, dossiers, paper ballots</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="230" />
      <source>chênh</source>
      <translation>spread</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="72" />
      <source>chính máy này</source>
      <translation>this computer</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/projector.py" line="74" />
      <source>chưa chấm</source>
      <translation>not scored yet</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="175" />
      <source>chưa có phiên họp</source>
      <translation>no session yet</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="48" />
      <source>chưa có phiếu chấm</source>
      <translation>no scoring sheets</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="179" />
      <source>chưa điểm danh</source>
      <translation>attendance not taken</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="74" />
      <source>chưa đăng ký</source>
      <translation>not registered</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/main_window.py" line="232" />
      <source>chưa đăng nhập</source>
      <translation>nobody signed in</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="174" />
      <source>chưa đủ túc số</source>
      <translation>no quorum</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="120" />
      <source>chấm lại</source>
      <translation>re-scored</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="273" />
      <source>chấm lại lần</source>
      <translation>re-score no.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="50" />
      <source>chấm phiếu của mình</source>
      <translation>fills their own ballot</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="49" />
      <source>chấm điểm, duyệt kết quả, xuất tệp gửi tỉnh</source>
      <translation>scores, approves results, exports for the province</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/main_window.py" line="232" />
      <source>chỉ xem</source>
      <translation>read only</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="128" />
      <source>có lỗi</source>
      <translation>has problems</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="176" />
      <source>có mặt</source>
      <translation>present</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="87" />
      <source>cấp huyện</source>
      <translation>the district level</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="89" />
      <source>cấp trung ương</source>
      <translation>the central level</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="88" />
      <source>cấp tỉnh</source>
      <translation>the provincial level</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="86" />
      <source>cấp xã</source>
      <translation>the commune level</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="203" />
      <source>cần</source>
      <translation>needs</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="162" />
      <source>d) Sử dụng biểu trưng OCOP sai, gây nhầm lẫn</source>
      <translation>d) Misleading use of the OCOP mark</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="376" />
      <source>dòng trên tên cơ quan ban hành; để trống nếu không có</source>
      <translation>the line above the issuing body's name; leave empty if there is none</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="614" />
      <source>dùng khóa đã có trên máy, mã {key_id}</source>
      <translation>the key already on this computer, id {key_id}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="164" />
      <source>e) Kết luận khác của cơ quan có thẩm quyền</source>
      <translation>e) Another conclusion of a competent authority</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="95" />
      <source>hạng sao này do cấp khác công nhận (5 sao: cấp trung ương)</source>
      <translation>these stars are recognised by another level (5 stars: central)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="171" />
      <source>hằng ngày (tự động)</source>
      <translation>daily (automatic)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="252" />
      <source>không có</source>
      <translation>none</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="626" />
      <source>không lưu lúc này</source>
      <translation>not saved now</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="213" />
      <source>không tính (vắng / không tham gia)</source>
      <translation>not counted (absent / recused)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="193" />
      <source>không xếp hạng</source>
      <translation>not rated</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="93" />
      <source>không đạt</source>
      <translation>not met</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="192" />
      <source>kết quả</source>
      <translation>result</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="140" />
      <source>kết quả đã khóa</source>
      <translation>result locked</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="290" />
      <source>lần 1</source>
      <translation>first entry</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="290" />
      <source>lần 2</source>
      <translation>second entry</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="396" />
      <source>ngày thu hồi</source>
      <translation>revocation date</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="111" />
      <source>ngày/tháng/năm</source>
      <translation>day/month/year</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/main_window.py" line="234" />
      <source>người dùng</source>
      <translation>user</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="576" />
      <source>phiếu chấm của một thành viên</source>
      <translation>one member's ballots</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/projector.py" line="76" />
      <source>phiếu đã nộp</source>
      <translation>ballots submitted</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="401" />
      <source>phương án</source>
      <translation>option</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="51" />
      <source>quyết định công nhận, giấy chứng nhận</source>
      <translation>recognition decisions, certificates</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="302" />
      <source>sao</source>
      <translation>stars</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="172" />
      <source>sao lưu ngay (do người dùng)</source>
      <translation>back up now (by a person)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="176" />
      <source>thành viên chấm điểm</source>
      <translation>scoring members</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="279" />
      <source>thảo luận</source>
      <translation>discussion</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="224" />
      <source>thấp nhất: {low}; cao nhất: {high}</source>
      <translation>lowest: {low}; highest: {high}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="174" />
      <source>trước khi ghi quyết định công nhận</source>
      <translation>before recording a recognition decision</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="175" />
      <source>trước khi khôi phục</source>
      <translation>before restore</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="176" />
      <source>trước khi nhập hồ sơ Excel</source>
      <translation>before importing dossiers from Excel</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="177" />
      <source>trước khi nhập phiếu chấm Excel</source>
      <translation>before importing Excel ballots</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="178" />
      <source>trước khi nhập tệp trao đổi</source>
      <translation>before importing exchange files</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="173" />
      <source>trước khi phê duyệt kết quả</source>
      <translation>before approving a result</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="47" />
      <source>tài khoản, sao lưu</source>
      <translation>accounts, backups</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="616" />
      <source>tạo mới, bảo vệ bằng cụm mật khẩu</source>
      <translation>made now, protected by a passphrase</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="85" />
      <source>tối thiểu</source>
      <translation>minimum</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="94" />
      <source>tối đa</source>
      <translation>max</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="42" />
      <source>từ {start}</source>
      <translation>from {start}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="173" />
      <source>và có mặt chủ tịch</source>
      <translation>and the chair present</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="219" />
      <source>ví dụ: Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện …</source>
      <translation>e.g. OCOP product evaluation council of … district</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="115" />
      <source>ví dụ: KT. CHỦ TỊCH - PHÓ CHỦ TỊCH</source>
      <translation>e.g. KT. CHỦ TỊCH - PHÓ CHỦ TỊCH</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="283" />
      <source>ví dụ: thuky (không dấu, không khoảng trắng)</source>
      <translation>e.g. thuky (no accents, no spaces)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="232" />
      <source>vượt ngưỡng</source>
      <translation>over the limit</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="128" />
      <source>xem danh sách lỗi bên dưới</source>
      <translation>see the list of problems below</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="355" />
      <source>{count} hồ sơ hợp lệ, sẵn sàng lưu.</source>
      <translation>{count} {count:dossier is|dossiers are} valid and ready to save.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="72" />
      <source>{count} phiếu hợp lệ, sẵn sàng lưu và nộp.</source>
      <translation>Valid ballots: {count}, ready to save and submit.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="305" />
      <source>{count} sản phẩm có hạng sao do cấp khác công nhận, không cấp giấy ở đây.</source>
      <translation>{count} {count:product has|products have} stars another level recognises: no certificate here.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="121" />
      <source>{count} tệp sẽ được nhập (sao lưu trước khi nhập; mỗi tệp nhập trọn vẹn hoặc không nhập).</source>
      <translation>{count} {count:file|files} will be imported (a backup first; each file goes in whole or not at all).</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="74" />
      <source>{field} «{value}» không hợp lệ: hãy ghi ngày/tháng/năm, ví dụ 02/11/2026.</source>
      <translation>{field} "{value}" is not valid: write day/month/year, e.g. 02/11/2026.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="150" />
      <source>{member} chưa có phiếu cho hồ sơ này.</source>
      <translation>{member} has no ballot for this dossier yet.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="203" />
      <source>{member} không chấm hồ sơ này — lý do:</source>
      <translation>{member} does not score this dossier — why:</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="146" />
      <source>{months} tháng kể từ ngày ký (theo quy định của đợt)</source>
      <translation>{months} {months:month|months} from the date signed (the round's rules)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="149" />
      <source>{months} tháng kể từ ngày ký (theo quy định của đợt): đến hết {until}</source>
      <translation>{months} {months:month|months} from the date signed (the round's rules): until {until}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/exchange.py" line="47" />
      <source>{new} mới, {changed} thay đổi, {kept} giữ nguyên</source>
      <translation>{new} new, {changed} changed, {kept} kept</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="51" />
      <source>{n} phiếu, chép lại từ nguồn thứ cấp, chỉ để tra cứu</source>
      <translation>{n} {n:sheet|sheets}, transcribed from a secondary source, for reference only</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="50" />
      <source>{n} phiếu, đầy đủ</source>
      <translation>{n} {n:sheet|sheets}, complete</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="153" />
      <source>{n} sao</source>
      <translation>{n} {n:star|stars}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="485" />
      <source>{present} có mặt, {absent} vắng</source>
      <translation>{present} present, {absent} absent</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="563" />
      <source>{rounds} đợt, {products} sản phẩm</source>
      <translation>{rounds} {rounds:round|rounds}, {products} {products:product|products}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="108" />
      <source>{sheets} phiếu chấm của {versions} phiên bản quy định có sẵn trong phần mềm.</source>
      <translation>{sheets} scoring {sheets:sheet|sheets} of {versions} rule {versions:version|versions} {sheets:comes|come} with the application.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="476" />
      <source>{shown} / {total} sản phẩm</source>
      <translation>{shown} / {total} {total:product|products}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/recovery.py" line="31" />
      <source>{time} ngày {date}</source>
      <translation>{time} on {date}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="478" />
      <source>{total} sản phẩm</source>
      <translation>{total} {total:product|products}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="89" />
      <source>Ý kiến của UBND cấp xã (4 nội dung)</source>
      <translation>Commune People's Committee's assessment (4 contents)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="545" />
      <source>Ý kiến của xã và báo cáo tổ tư vấn</source>
      <translation>Commune's opinion and advisory report</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/projector.py" line="89" />
      <source>Đang chấm</source>
      <translation>Now scoring</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="172" />
      <source>Đang chấm: {n} tiêu chí đã chọn.</source>
      <translation>Scoring: {n} criteria chosen.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="165" />
      <source>Đang chấm: {submitted}/{expected} phiếu đã nộp. Kết quả hiện khi mọi thành viên đã nộp phiếu.</source>
      <translation>Scoring: {submitted}/{expected} ballots submitted. The result shows once every member has submitted.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="208" />
      <source>Đang dùng</source>
      <translation>Active</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/tasks.py" line="145" />
      <source>Đang dừng…</source>
      <translation>Stopping…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="690" />
      <source>Đang ghi tệp Excel…</source>
      <translation>Writing the Excel file…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="209" />
      <source>Đang ghi và kiểm tra tệp trao đổi…</source>
      <translation>Writing and checking the exchange file…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="323" />
      <source>Đang in {name}…</source>
      <translation>Printing {name}…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="97" />
      <source>Đang khôi phục…</source>
      <translation>Restoring…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="84" />
      <source>Đang kiểm tra bản sao lưu…</source>
      <translation>Checking the backup…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="223" />
      <source>Đang kiểm tra số liệu…</source>
      <translation>Checking the figures…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="156" />
      <source>Đang kiểm tra tệp trao đổi…</source>
      <translation>Checking the exchange files…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/__init__.py" line="294" />
      <source>Đang lưu các hồ sơ…</source>
      <translation>Saving the dossiers…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/__init__.py" line="107" />
      <source>Đang lưu và nộp các phiếu chấm…</source>
      <translation>Saving and submitting the ballots…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="163" />
      <source>Đang nhập phiếu giấy của {member} — người nhập: {typist}</source>
      <translation>Typing {member}'s paper ballot — typed by: {typist}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="173" />
      <source>Đang nhập tệp trao đổi…</source>
      <translation>Importing the exchange files…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="51" />
      <source>Đang sao lưu và kiểm tra bản sao lưu…</source>
      <translation>Backing up and checking the backup…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="206" />
      <source>Đang tạo tài liệu…</source>
      <translation>Making the documents…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="224" />
      <source>Đang tạo: {document}</source>
      <translation>Making: {document}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/__init__.py" line="92" />
      <source>Đang đọc và kiểm tra phiếu chấm Excel…</source>
      <translation>Reading and checking the Excel ballots…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/__init__.py" line="285" />
      <source>Đang đọc và kiểm tra tệp Excel…</source>
      <translation>Reading and checking the Excel file…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="215" />
      <source>Điều kiện áp dụng</source>
      <translation>Applies only</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="64" />
      <source>Điểm</source>
      <translation>Points</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="41" />
      <source>Điểm TB</source>
      <translation>Average</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="433" />
      <source>Điểm danh</source>
      <translation>Attendance</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="77" />
      <source>Điểm theo phần</source>
      <translation>Points by part</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="191" />
      <source>Điểm trung bình</source>
      <translation>Average total</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="211" />
      <source>Điểm tối thiểu theo hạng sao</source>
      <translation>Minimum points by star</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/criteria_browser.py" line="207" />
      <source>Điểm tối đa</source>
      <translation>Maximum points</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="76" />
      <source>Điện thoại</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="58" />
      <source>Đánh giá lại</source>
      <translation>Re-evaluation</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/about.py" line="80" />
      <source>Đánh giá, phân hạng sản phẩm OCOP — làm việc không cần mạng</source>
      <translation>OCOP product evaluation and rating — works without a network</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="332" />
      <source>Đây là tệp dữ liệu mẫu: mật khẩu của mọi tài khoản là «{password}».</source>
      <translation>This is the demo data file: every account's password is '{password}'.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="467" />
      <source>Đã chấm đủ mọi tiêu chí.</source>
      <translation>Every criterion is scored.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="224" />
      <source>Đã có</source>
      <translation>Set</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="187" />
      <source>Đã có, không thay đổi</source>
      <translation>Already here, nothing changes</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="254" />
      <source>Đã dừng theo yêu cầu. Đã ghi đầy đủ: {kept}. Chưa ghi: {missing}.</source>
      <translation>Stopped as asked. Written in full: {kept}. Not written: {missing}.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/__init__.py" line="220" />
      <source>Đã ghi giờ kết thúc phiên họp.</source>
      <translation>Closing time of the session recorded.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/__init__.py" line="234" />
      <source>Đã ghi nhận thành viên không tham gia chấm hồ sơ này.</source>
      <translation>Recusal from this dossier recorded.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="311" />
      <source>Đã ghi quyết định công nhận</source>
      <translation>Recognition decision recorded</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="296" />
      <source>Đã ghi quyết định {number} và cấp {count} giấy chứng nhận.</source>
      <translation>Decision {number} recorded and {count} {count:certificate|certificates} issued.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="316" />
      <source>Đã ghi tệp {file}</source>
      <translation>Written: {file}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="216" />
      <source>Đã ghi và đọc lại {file}.
Mã xác thực: {code} — lần xuất {revision}</source>
      <translation>Written and read back: {file}.
Verification code: {code} — revision {revision}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="338" />
      <source>Đã ghi {file}. In phiếu, Chủ tịch hội đồng ký, đóng dấu và gửi tỉnh.</source>
      <translation>Written: {file}. Print the form; the council chair signs and stamps it and sends it to the province.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="344" />
      <source>Đã gửi {printed} trang của {name} tới máy in.</source>
      <translation>{printed} {printed:page|pages} of {name} sent to the printer.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="628" />
      <source>Đã hết hạn ({n})</source>
      <translation>Expired ({n})</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="208" />
      <source>Đã khóa</source>
      <translation>Disabled</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="102" />
      <source>Đã khôi phục</source>
      <translation>Restored</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/recovery.py" line="164" />
      <source>Đã khôi phục {file} từ bản sao lưu lúc {time}.
Tệp hỏng được giữ lại với tên {kept}.</source>
      <translation>{file} was restored from the backup of {time}.
The damaged file is kept as {kept}.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="103" />
      <source>Đã khôi phục {file} từ bản sao lưu {backup}.
Tệp trước khi khôi phục được giữ ở: {kept}</source>
      <translation>{file} restored from the backup {backup}.
The file as it was before the restore is kept at: {kept}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="401" />
      <source>Đã lưu</source>
      <translation>Saved</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/__init__.py" line="113" />
      <source>Đã lưu và nộp {count} phiếu chấm của {member}.
Bản sao lưu trước khi nhập: {backup}</source>
      <translation>Ballots of {member} saved and submitted: {count}.
Backup before the import: {backup}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="697" />
      <source>Đã lưu {count} sản phẩm vào {file}</source>
      <translation>Saved {count} {count:product|products} to {file}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="186" />
      <source>Đã nhập</source>
      <translation>Imported</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/__init__.py" line="112" />
      <source>Đã nhập phiếu chấm Excel</source>
      <translation>Excel ballots imported</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/__init__.py" line="298" />
      <source>Đã nhập {count} hồ sơ từ {file}.</source>
      <translation>Imported {count} {count:dossier|dossiers} from {file}.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="40" />
      <source>Đã nộp</source>
      <translation>Submitted</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="307" />
      <source>Đã nộp phiếu của {member}.
Mời thành viên tiếp theo: Tệp → Đổi người chấm (Ctrl+U).</source>
      <translation>{member}'s ballot is submitted.
Next member, please: File → Change scorer (Ctrl+U).</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/__init__.py" line="172" />
      <source>Đã nộp phiếu.</source>
      <translation>Ballot submitted.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="119" />
      <source>Đã phê duyệt</source>
      <translation>Approved</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="136" />
      <source>Đã phê duyệt, đề nghị cấp trung ương đánh giá 5 sao</source>
      <translation>Approved, referred to the national level for 5 stars</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="627" />
      <source>Đã qua hạn nộp, sắp hết hạn ({n})</source>
      <translation>Window missed, expiring ({n})</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="57" />
      <source>Đã sao lưu</source>
      <translation>Backed up</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="58" />
      <source>Đã sao lưu và kiểm tra tệp dữ liệu.
Bản sao lưu: {file}
Dung lượng: {size}</source>
      <translation>The data file has been backed up and the backup checked.
Backup: {file}
Size: {size}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="147" />
      <source>Đã thu hồi</source>
      <translation>Revoked</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="629" />
      <source>Đã thu hồi ({n})</source>
      <translation>Revoked ({n})</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/__init__.py" line="266" />
      <source>Đã thêm hồ sơ {product}.</source>
      <translation>Dossier {product} added.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/__init__.py" line="200" />
      <source>Đã thêm phiên họp. Điểm danh thành viên ở trang Đợt đánh giá (Alt+1).</source>
      <translation>Meeting session added. Take attendance on the Round page (Alt+1).</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/__init__.py" line="170" />
      <source>Đã thêm thành viên {name}.</source>
      <translation>Member {name} added.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/view.py" line="243" />
      <source>Đã tạo {count} tệp trong thư mục {folder}</source>
      <translation>{count} {count:file|files} made in the folder {folder}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/actions.py" line="215" />
      <source>Đã xuất tệp trao đổi</source>
      <translation>Exchange file exported</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/crash.py" line="78" />
      <source>Đã xảy ra lỗi</source>
      <translation>Something went wrong</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="654" />
      <source>Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng.</source>
      <translation>An unexpected error occurred. Saved data is not affected.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="296" />
      <source>Đã đổi cụm mật khẩu. Khóa ký giữ nguyên.</source>
      <translation>The passphrase was changed. The signing key is the same.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="330" />
      <source>Đã đổi mật khẩu.</source>
      <translation>Your password has been changed.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/crash.py" line="91" />
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="301" />
      <source>Đăng nhập</source>
      <translation>Sign in</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/start_page.py" line="48" />
      <source>Đăng nhập…</source>
      <translation>Sign in…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="34" />
      <source>Đăng xuất / đổi người dùng…</source>
      <translation>Sign out / change user…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="282" />
      <source>Đặt cụm mật khẩu…</source>
      <translation>Set passphrase…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="270" />
      <source>Đặt lại mật khẩu cho {username}</source>
      <translation>New password for {username}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="142" />
      <source>Đặt lại mật khẩu…</source>
      <translation>Reset password…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="146" />
      <source>Đặt mã PIN…</source>
      <translation>Set PIN…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="626" />
      <source>Đến hạn nộp hồ sơ đánh giá lại ({n})</source>
      <translation>Due for re-evaluation ({n})</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="285" />
      <source>Đề nghị Trung ương</source>
      <translation>Proposed to the central level</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="97" />
      <source>Đề nghị cấp trên và chờ; chưa công nhận hạng sao nào</source>
      <translation>Refer to the higher level and wait; recognise no star</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="134" />
      <source>Đề xuất, chưa phê duyệt</source>
      <translation>Proposed, not approved</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="503" />
      <source>Để sau (tạo trong menu Khóa ký khi cần)</source>
      <translation>Later (make it from the Signing key menu when needed)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="363" />
      <source>Địa bàn</source>
      <translation>Area</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="75" />
      <source>Địa chỉ</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="367" />
      <source>Địa danh (dòng ngày tháng)</source>
      <translation>Place (date line)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="220" />
      <source>Địa điểm</source>
      <translation>Place</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="177" />
      <source>Đồng ý</source>
      <translation>OK</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="147" />
      <source>Đổi cụm mật khẩu</source>
      <translation>Change passphrase</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="142" />
      <source>Đổi cụm mật khẩu của khóa ký. Khóa vẫn giữ nguyên, không phải đăng ký lại.</source>
      <translation>Change the signing key's passphrase. The key stays the same and needs no new registration.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/keys.py" line="227" />
      <source>Đổi cụm mật khẩu…</source>
      <translation>Change passphrase…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/file/accounts.py" line="320" />
      <source>Đổi mật khẩu của tôi</source>
      <translation>Change my password</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="40" />
      <source>Đổi mật khẩu của tôi…</source>
      <translation>Change my password…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/dialogs.py" line="374" />
      <source>Đổi người chấm</source>
      <translation>Change scorer</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/menus.py" line="36" />
      <source>Đổi người chấm (tên và mã PIN)…</source>
      <translation>Change scorer (name and PIN)…</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/main_window.py" line="216" />
      <source>Đổi người chấm: chọn tên và nhập mã PIN.</source>
      <translation>Change of scorer: choose the name and type the PIN.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/main_window.py" line="106" />
      <source>Đợt</source>
      <translation>Round</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="179" />
      <source>Đợt sẽ nhận thêm hồ sơ, phiếu chấm và lượt chấm lại; quyết định và giấy chứng nhận đã cấp giữ nguyên.
Lý do mở lại (ghi vào nhật ký):</source>
      <translation>The round will take more dossiers, ballots and re-scores; the decision and the certificates issued stay as they are.
Reason for reopening (written to the log):</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/__init__.py" line="94" />
      <source>Đợt đánh giá</source>
      <translation>Round</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="604" />
      <source>Đợt đánh giá mẫu để làm quen (tệp riêng, không lẫn với dữ liệu của hội đồng)</source>
      <translation>The demo evaluation round, to get to know the program (a separate file, never mixed with the council's data)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="456" />
      <source>Đợt đánh giá và phiên họp</source>
      <translation>Round and meeting sessions</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="272" />
      <source>Đợt đã có quyết định công nhận số {number}: không nhận thêm hồ sơ, phiếu chấm hay chấm lại cho đến khi Chủ tịch Hội đồng mở lại đợt.</source>
      <translation>The round has recognition decision No. {number}: no more dossiers, ballots or re-scores until the council's chair reopens the round.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/view.py" line="194" />
      <source>Đủ điều kiện cấp giấy chứng nhận</source>
      <translation>Qualifies for a certificate</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="163" />
      <source>đ) Chủ thể ngừng sản xuất</source>
      <translation>đ) The producer stopped production</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/projector.py" line="76" />
      <source>đang chấm</source>
      <translation>scoring</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/scoring/view.py" line="118" />
      <source>điểm</source>
      <translation>points</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="179" />
      <source>đánh dấu thành viên có mặt bên dưới</source>
      <translation>tick the members present below</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/projector.py" line="72" />
      <source>đã chấm xong, chờ phê duyệt</source>
      <translation>scored, awaiting approval</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/recognition_dialogs.py" line="88" />
      <source>đã có giấy chứng nhận số {number} theo quyết định {decision}</source>
      <translation>already has certificate no. {number} under decision {decision}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/results/__init__.py" line="270" />
      <source>đã thu hồi</source>
      <translation>revoked</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/dossier/view.py" line="93" />
      <source>đạt</source>
      <translation>met</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/province/view.py" line="63" />
      <source>đề nghị Trung ương</source>
      <translation>proposed to the central level</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="109" />
      <source>đề nghị {level} đánh giá, công nhận {stars} sao</source>
      <translation>proposed to {level} for {stars} {stars:star|stars}</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="618" />
      <source>để sau</source>
      <translation>later</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/documents/ballot_import.py" line="130" />
      <source>để trống</source>
      <translation>left blank</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/setup/view.py" line="309" />
      <source>để trống: phần mềm tự cấp mã</source>
      <translation>leave empty: the application assigns the code</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/pages/round/view.py" line="174" />
      <source>đủ túc số</source>
      <translation>quorum present</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/certificate_check.py" line="83" />
      <source>Ảnh hoặc PDF (*.png *.jpg *.jpeg *.pdf);;Mọi tệp (*)</source>
      <translation>Pictures or PDF (*.png *.jpg *.jpeg *.pdf);;All files (*)</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/first_run.py" line="228" />
      <source>Ở đây đã có tệp «{name}». Trợ lý không ghi đè lên tệp đã có: hãy chọn tên khác, hoặc mở tệp này.</source>
      <translation>There is a file “{name}” here already. The assistant never writes over a file: choose another name, or open this file.</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="25" />
      <source>Ủy viên</source>
      <translation>Member</translation>
    </message>
    <message>
      <location filename="ocop_desktop/ui/words.py" line="26" />
      <source>Ủy viên kiêm Thư ký</source>
      <translation>Member and secretary</translation>
    </message>
  </context>
</TS>
