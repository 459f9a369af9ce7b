/// The word pools fixtures draw from. Names are common given and family names; places
/// are real cities; everything else is invented.
enum FixtureVocabulary {
    static let turkishGivenNames = [
        "Ayşe", "Fatma", "Zeynep", "Elif", "Emine", "Hatice", "Merve", "Büşra", "Özge", "Çağla", "Şule",
        "Irmak", "Selin", "Ilgın", "Deniz", "Gülşen", "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin",
        "İbrahim", "İsmail", "Gökhan", "Oğuz", "Ümit", "Can", "Yiğit", "Burak", "Emre", "Ege", "Barış",
    ]
    static let turkishFamilyNames = [
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
        "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Güneş",
        "Aksoy", "Polat", "Işık", "Erdem", "Ünal", "Korkmaz", "Güler",
    ]
    static let englishGivenNames = [
        "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Lucy", "Chloe", "Freya", "Jack",
        "Oliver", "Harry", "George", "Noah", "Charlie", "James", "William", "Thomas", "Daniel", "Samuel",
        "Zoë",
    ]
    static let englishFamilyNames = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Clarke", "O'Neill",
        "O'Brien", "Smith-Jones",
    ]

    /// Country, weight, cities, share of Turkish speakers in percent.
    static let countries: [(code: String, weight: Int, cities: [String], turkishPercent: Int)] = [
        (
            "TR", 75,
            [
                "İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Eskişehir", "Trabzon", "Diyarbakır",
                "Gaziantep", "Kayseri", "Muğla", "Çanakkale",
            ], 92
        ),
        ("GB", 15, ["London", "Manchester", "Bristol", "Leeds", "Edinburgh", "Birmingham"], 10),
        ("DE", 10, ["Berlin", "Hamburg", "Köln", "München", "Frankfurt am Main"], 60),
    ]

    static let emailDomains = ["example.com", "example.org", "example.net"]

    /// Category, weight, names, colours or sizes, price range in whole TRY, tax in basis points.
    static let categories:
        [(
            category: ProductCategory, weight: Int, names: [String], variants: [String],
            lira: ClosedRange<Int>, tax: Int
        )] = [
            (
                .apparel, 30,
                [
                    "Pamuklu Tişört", "Keten Gömlek", "Denim Ceket", "Örme Kazak", "Spor Ayakkabı",
                    "Yün Atkı",
                    "Kapüşonlu Sweatshirt", "Chino Pantolon", "Yağmurluk",
                ], ["XS", "S", "M", "L", "XL"], 199...1999, 2000
            ),
            (
                .electronics, 15,
                [
                    "Kablosuz Kulaklık", "Bluetooth Hoparlör", "Akıllı Saat", "Powerbank 10000 mAh",
                    "USB-C Şarj Aleti", "Mekanik Klavye", "Oyuncu Mouse", "Tablet Kılıfı",
                ], ["Siyah", "Beyaz", "Gri"], 299...24999, 2000
            ),
            (
                .cosmetics, 15,
                [
                    "Nemlendirici Krem", "Güneş Kremi SPF 50", "Şampuan", "Diş Fırçası", "Parfüm 50 ml",
                    "Ruj",
                    "Deodorant", "Yüz Temizleme Jeli",
                ], [], 79...1499, 2000
            ),
            (
                .food, 10,
                [
                    "Antep Fıstığı 500 g", "Türk Kahvesi 250 g", "Zeytinyağı 1 L", "Lokum Çeşitleri",
                    "Çay 1 kg",
                    "Çiçek Balı 850 g", "Fındık Ezmesi",
                ], [], 59...899, 100
            ),
            (
                .home, 15,
                [
                    "Bambu Kesme Tahtası", "Pamuklu Nevresim Takımı", "Seramik Kupa", "Döküm Tava",
                    "Banyo Havlusu",
                    "Masa Lambası", "Cam Saklama Kabı",
                ], [], 149...4999, 2000
            ),
            (
                .books, 10,
                [
                    "Modern Türk Mutfağı", "Swift ile Programlama", "İstanbul Rehberi", "Çocuk Masalları",
                    "Kısa Öyküler Seçkisi", "The Quiet Harbour", "A Short History of Tea",
                ], [], 89...599, 0
            ),
            (
                .personalised, 5,
                ["İsim Baskılı Kupa", "Kişiye Özel Kolye", "Fotoğraflı Yastık", "Monogramlı Havlu"], [],
                199...1499,
                2000
            ),
        ]

    static let colours = ["Lacivert", "Siyah", "Beyaz", "Bordo", "Haki", "Gri", "Ekru", "Mavi"]

    static let turkishProductNouns = [
        "kulaklık", "tişört", "ayakkabı", "krem", "kahve", "kupa", "kitap", "saat",
    ]
    static let englishProductNouns = [
        "headphones", "t-shirt", "shoes", "cream", "coffee", "mug", "book", "watch",
    ]

    /// Turkish community-style sentences; `{p}` is a product noun, `{n}` a small number.
    static let turkishSentences = [
        "Siparişim {n} günde elime ulaştı, paketleme çok özenliydi.",
        "İade talebim hâlâ onaylanmadı, müşteri hizmetlerine ulaşamıyorum.",
        "Aldığım {p} beklediğimden küçük geldi, değişim yapabilir miyim?",
        "Kargo takip numarası çalışmıyor, siparişim nerede?",
        "Fiyat/performans olarak bu {p} gerçekten çok iyi.",
        "İadenin ne zaman hesabıma geçeceğini öğrenebilir miyim?",
        "Ürün hasarlı geldi, fotoğraflarını ekledim.",
        "Müşteri temsilcisi çok ilgiliydi, teşekkürler!",
        "Kişiye özel ürünlerde iade hakkı var mı?",
        "İndirimdeki {p} stoklara ne zaman girer?",
        "İstanbul'a teslimat genelde kaç gün sürüyor?",
        "Aynı siparişte {n} ürün eksik çıktı.",
        "Puanlarımı bir sonraki alışverişte kullanabilir miyim?",
        "Ödeme sırasında 3D Secure ekranı açılmadı.",
        "Kalıplar dar, bir beden büyük almanızı öneririm.",
        "İADE kodunu girdim ama sistem kabul etmiyor.",
        "Bu {p} için garanti süresi kaç yıl?",
        "Şikâyetimi {n} gün önce yazdım, hâlâ yanıt yok.",
        "Ürünü iade etmek yerine değiştirmek istiyorum.",
        "Kuryeye teslim ettim, iade kargosu ücretsiz mi?",
    ]

    /// English community-style sentences; `{p}` is a product noun, `{n}` a small number.
    static let englishSentences = [
        "My order arrived in {n} days and was nicely packed.",
        "Still waiting for my refund, nobody answers the chat.",
        "The {p} runs small, can I exchange it for a larger size?",
        "The tracking number doesn't work, where is my order?",
        "Great value for money, I love this {p}.",
        "How long does a refund take to reach my card?",
        "The parcel arrived damaged, photos attached.",
        "The support agent was really helpful, thanks!",
        "Can personalised items be returned?",
        "When will the {p} be back in stock?",
        "Delivery to London took {n} days this time.",
        "Two items were missing from my order.",
        "Can I use my points on the next purchase?",
        "Checkout failed at the 3D Secure step.",
        "Sizes run narrow, I'd order one size up.",
        "I entered the RETURN code but it was rejected.",
        "How many years of warranty does the {p} have?",
        "I complained {n} days ago and still have no answer.",
        "I'd rather exchange the item than return it.",
        "Is the return label free of charge?",
    ]
}
