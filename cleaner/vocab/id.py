"""Indonesian vocabulary of the boilerplate stage (card keys, social keys, headers).

No PII tables: Indonesian is no language of the PII engine
(:data:`cleaner.vocab.PII_LANGUAGES`), so its labels serve the boilerplate stage's cards only.
"""

CODE = "id"

#: author-card keys, by the field they introduce (see :mod:`cleaner.vocab`)
CARD_LABELS: dict[str, tuple[str, ...]] = {
    "PERSON": ("nama", "nama lengkap"),
    "USERNAME": ("nama pengguna", "pengguna", "nama panggilan", "nama akun"),
    "EMAIL_ADDRESS": ("email", "e-mail", "surel", "alamat email", "alamat surel"),
    "PHONE_NUMBER": ("telepon", "telp", "no. telp", "no telp", "nomor telepon", "no. telepon",
                     "hp", "no. hp", "no hp", "ponsel", "nomor hp", "wa"),
    "DATE_OF_BIRTH": ("tanggal lahir", "tgl lahir", "tgl. lahir", "lahir", "ttl",
                      "tempat, tanggal lahir", "tempat/tanggal lahir"),
    "STREET_ADDRESS": ("alamat", "alamat rumah", "domisili"),
    "ORGANIZATION": ("perusahaan", "kantor", "instansi", "tempat kerja"),
    "JOB": ("pekerjaan", "jabatan", "profesi", "posisi"),
    "BIO": ("biografi", "biodata", "tentang saya"),
    "OTHER": ("usia", "umur", "jenis kelamin", "kota", "situs web", "situs", "lokasi"),
}
#: keys of follower/following counts
FOLLOWER_LABELS = ("pengikut", "mengikuti")
#: keys of social-profile lines
SOCIAL_LABELS = (*FOLLOWER_LABELS, "profil", "postingan", "kiriman", "suka")
#: headers of related/popular/recommended/sponsored link lists (regex fragments, lower case)
RELATED_HEADERS = (
    r"baca (?:juga|selengkapnya)", r"(?:lihat|simak) juga",
    r"(?:artikel|berita|tulisan|postingan) (?:terkait|lainnya|serupa|populer|terpopuler"
    r"|terbaru|pilihan)",
    r"(?:paling|terbanyak) (?:banyak )?dibaca", r"terpopuler(?: hari ini| minggu ini)?",
    r"(?:rekomendasi|pilihan) (?:untuk anda|untukmu|redaksi|editor)",
    r"(?:anda|kamu) mungkin (?:juga )?(?:suka|menyukai|tertarik)",
    r"mungkin (?:anda|kamu) (?:juga )?(?:suka|menyukai|tertarik)", r"jangan lewatkan",
    r"berita terkini", r"konten (?:bersponsor|sponsor|promosi)", r"disponsori",
)
#: headers of an author card (regex fragments)
CARD_HEADERS = (
    r"tentang (?:penulis|pengarang)", r"(?:profil|biodata) penulis", r"penulis",
    r"ditulis oleh",
)
#: headers of a block of social profiles (regex fragments)
SOCIAL_HEADERS = (
    r"(?:media|jejaring) sosial", r"sosial media", r"ikuti (?:kami|saya|aku)(?: di)?",
    r"temukan (?:kami|saya|aku) di",
)
