#include "vocab.h"

namespace gen {

namespace {

using SV = std::string_view;

// ---------------------------------------------------------------- English
constexpr SV kEnCarding[] = {
    "Fresh US bins uploaded, valid rate 87% on first check",
    "New dumps with PIN in stock, EU and CA regions",
    "Cashout method updated for 2024, works with most banks",
    "Full info (fullz) batch just dropped, DOB + SSN included",
    "Checker is back online after maintenance",
    "Escrow only, no direct deals, watch out for clones",
    "Weekend sale on high balance cards",
    "Replacement policy: dead cards replaced within 24h",
};
constexpr SV kEnLeaks[] = {
    "New database leak: 2.3M user records with emails and hashed passwords",
    "Combolist 50k lines, private, not public before",
    "Government portal dump posted, samples below",
    "Full SQL dump of an e-commerce shop, 14 GB compressed",
    "Logs cloud updated: 3,400 fresh stealer logs",
    "Partial leak of a telecom customer base, verified by our team",
    "Mirror of yesterday's leak, the original link is dead",
    "Password: check the pinned message",
};
constexpr SV kEnWarez[] = {
    "Adobe Photoshop 2024 pre-activated, direct download",
    "Windows 11 activator updated, works offline",
    "Office 2021 ProPlus full version with lifetime key",
    "New cracked build of the VPN client, premium unlocked",
    "Game repack uploaded, 35 GB instead of 80",
    "Antivirus false positives are normal for cracks, disable it before install",
    "Requests are open in the chat",
    "Mod APK with all features unlocked",
};
constexpr SV kEnCrypto[] = {
    "Next pump announced for Sunday 17:00 UTC, get ready",
    "VIP signal: BTC long entry 64,200, targets 66k and 68k",
    "100x gem found early, do your own research",
    "Airdrop is live, connect your wallet before it ends",
    "Our last call gave +340% in two days",
    "Double your USDT in 24 hours, limited slots",
    "Whales are accumulating, watch this chart",
    "Premium group price drops to 99 USDT today only",
};
constexpr SV kEnOsint[] = {
    "Daily threat brief: ransomware activity up 12% week over week",
    "A new phishing kit targets banking customers in Europe",
    "Researchers link the intrusion set to a known APT group",
    "Police seized servers of a bulletproof hosting provider",
    "New infostealer sold on forums for 200 USD per month",
    "Breach notification published by the company this morning",
    "Our analysis of the DDoS campaign is out",
    "Sources say the marketplace admins were arrested",
};
constexpr SV kEnHacktivist[] = {
    "Operation launched against government websites, targets below",
    "DDoS attack confirmed, the site has been down for 3 hours",
    "We claim responsibility for the defacement",
    "Join our volunteer botnet, instructions in the bot",
    "Target list for today, hit them hard",
    "Check-host results attached",
    "Our team leaked internal documents of the ministry",
    "Next target will be announced soon",
};
constexpr SV kEnLead[] = {"Join: ", "Channel: ", "Link: ", "Chat: ", "More here: ",
                          "Subscribe: ", "Download: ", "Source: ", "Contact admin: ", "Details: "};
constexpr SV kEnCta[] = {"join here", "click here", "Join", "our channel", "download",
                         "full list", "read more", "contact", "VIP access", "source"};
constexpr SV kEnHeaders[] = {"UPDATE", "NEW", "Important", "🔥 HOT", "Announcement", "Daily drop",
                             "Breaking", "Giveaway", "Reminder"};
constexpr SV kEnChatter[] = {"anyone tested this?", "works for me, thanks", "link is dead",
                             "any vouches?", "admin pls check dm", "scam, don't buy",
                             "new mirror?", "is the bot down?", "legit", "ty bro",
                             "where is the password", "+1"};
constexpr SV kEnUsers[] = {"Alex", "Mike", "John Smith", "Dark Knight", "Ghost", "Neo", "Sam",
                           "Kevin", "crypto_king", "Nina", "Max", "Vendor", "Lucky"};

// ---------------------------------------------------------------- Russian
constexpr SV kRuCarding[] = {
    "Свежие дампы в наличии, валид 90%",
    "Обнал с гарантом, выплаты в течение суток",
    "Пробив по базам, быстро и недорого",
    "Новые схемы заработка на картах, только для своих",
    "Залив на карты, работаем без предоплаты с проверенными",
    "Продам аккаунты с балансом, замена в течение часа",
    "Осторожно, появились фейковые каналы с нашим названием",
    "Скидки на выходных, пишите в бота",
};
constexpr SV kRuLeaks[] = {
    "Слив базы клиентов интернет-магазина, 1,2 млн строк",
    "Свежие логи, отработка по запросу",
    "Новая утечка: телефоны, почты и адреса",
    "База доставки за 2024 год, выборка в комментариях",
    "Слив переписки администрации, часть 2",
    "Пароль от архива в закрепе",
    "Выложили полную версию базы, ссылка ниже",
};
constexpr SV kRuWarez[] = {
    "Взломанная версия Photoshop 2024, без рекламы",
    "Активатор Windows обновлён, работает без интернета",
    "Репак игры загружен, торрент в комментариях",
    "Премиум APK, все функции разблокированы",
    "Перед установкой отключите антивирус",
    "Софт для накрутки подписчиков, бесплатно",
};
constexpr SV kRuCrypto[] = {
    "Памп в воскресенье в 20:00 МСК, будьте готовы",
    "Сигнал: вход в лонг по BTC, цели выше",
    "Аирдроп уже идёт, успейте подключить кошелёк",
    "Удвоение USDT за 24 часа, мест мало",
    "Наш прошлый сигнал дал +210%",
    "Приватный канал с сигналами, доступ по ссылке",
};
constexpr SV kRuOsint[] = {
    "Ежедневная сводка по кибератакам",
    "Новая фишинговая кампания против клиентов банков",
    "Исследователи связали атаку с известной группировкой",
    "Правоохранители изъяли серверы хостинга",
    "Опубликован отчёт об утечке данных",
    "Источники сообщают об арестах администраторов площадки",
};
constexpr SV kRuHacktivist[] = {
    "Атака на правительственные сайты началась, цели ниже",
    "DDoS подтверждён, сайт лежит уже три часа",
    "Мы берём на себя ответственность за взлом",
    "Присоединяйтесь к нашей кибер-армии",
    "Список целей на сегодня",
    "Следующая цель будет объявлена скоро",
};
constexpr SV kRuLead[] = {"Канал: ", "канал: ", "Ссылка: ", "Вступить: ", "Чат: ", "Подробнее: ",
                          "Подписаться: ", "Скачать: ", "Источник: ", "Админ: ", "Отзывы: "};
constexpr SV kRuCta[] = {"вступить", "подписаться", "жми сюда", "наш канал", "скачать",
                         "подробнее", "купить", "написать админу"};
constexpr SV kRuHeaders[] = {"ВАЖНО", "Обновление", "Новинка", "🔥 Горячее", "Внимание", "Розыгрыш"};
constexpr SV kRuChatter[] = {"кто-нибудь проверял?", "у меня работает", "ссылка мёртвая",
                             "есть отзывы?", "админ, проверь лс", "кидалово", "спасибо",
                             "где пароль?", "+", "бот лежит?"};
constexpr SV kRuUsers[] = {"Дмитрий", "Алексей", "Саня", "Макс", "Kirill", "Тёмный", "Ваня",
                           "Олег", "Наташа", "Игорь"};

// ---------------------------------------------------------------- Arabic
constexpr SV kArLines[] = {
    "تسريب جديد لقاعدة بيانات تحتوي على أكثر من مليون سجل",
    "تم رفع النسخة المفعلة من البرنامج",
    "عاجل: هجوم إلكتروني على مواقع حكومية",
    "توصيات تداول جديدة للعملات الرقمية",
    "تابعونا للحصول على آخر الأخبار",
    "بطاقات جديدة متوفرة الآن بأسعار خاصة",
    "تحديث يومي للأخبار الأمنية",
    "شاركوا القناة مع أصدقائكم",
};
constexpr SV kArLead[] = {"القناة: ", "رابط: ", "للانضمام: ", "المصدر: ", "تواصل: "};
constexpr SV kArCta[] = {"انضم الآن", "اضغط هنا", "قناتنا", "تحميل", "التفاصيل"};
constexpr SV kArHeaders[] = {"عاجل", "تحديث", "جديد", "مهم"};
constexpr SV kArChatter[] = {"شكرا", "الرابط لا يعمل", "هل جربه أحد؟", "ممتاز", "أين كلمة السر؟"};
constexpr SV kArUsers[] = {"أحمد", "محمد", "Omar", "خالد", "يوسف", "Ali"};

// ---------------------------------------------------------------- Persian
constexpr SV kFaLines[] = {
    "نشت جدید اطلاعات کاربران منتشر شد",
    "نسخه کرک شده برنامه آپلود شد",
    "سیگنال جدید ارز دیجیتال",
    "اخبار امنیت سایبری امروز",
    "حمله به سایت‌های دولتی تایید شد",
    "فیلترشکن رایگان با سرعت بالا",
    "کانال ما را به دوستان خود معرفی کنید",
};
constexpr SV kFaLead[] = {"کانال: ", "لینک: ", "عضویت: ", "منبع: ", "ارتباط با ادمین: "};
constexpr SV kFaCta[] = {"عضویت", "کلیک کنید", "کانال ما", "دانلود"};
constexpr SV kFaHeaders[] = {"فوری", "جدید", "مهم"};
constexpr SV kFaChatter[] = {"ممنون", "لینک کار نمی‌کنه", "کسی تست کرده؟", "عالی"};
constexpr SV kFaUsers[] = {"رضا", "Ali", "مهدی", "سارا", "Amir"};

// ---------------------------------------------------------------- Chinese
constexpr SV kZhLines[] = {
    "最新数据库泄露，包含手机号和地址",
    "破解版软件已更新，永久免费",
    "今日币圈信号，注意风险",
    "网络安全每日简报",
    "跑分平台招代理，日结",
    "出售各国实名账号，量大从优",
    "本频道只发布资源，交流请进群",
};
constexpr SV kZhLead[] = {"频道：", "群组：", "链接：", "备用：", "联系："};
constexpr SV kZhCta[] = {"点击加入", "下载", "我们的频道", "联系客服"};
constexpr SV kZhHeaders[] = {"公告", "更新", "重要"};
constexpr SV kZhChatter[] = {"谢谢分享", "链接失效了", "有人试过吗", "好用"};
constexpr SV kZhUsers[] = {"小王", "老李", "Chen", "阿伟", "Lily"};

// ---------------------------------------------------------------- Spanish
constexpr SV kEsLines[] = {
    "Nueva filtración de base de datos con correos y teléfonos",
    "Programa crackeado actualizado, descarga directa",
    "Señal VIP: entrada en BTC, objetivos arriba",
    "Resumen diario de ciberseguridad",
    "Tarjetas nuevas disponibles, reemplazo garantizado",
    "Ataque DDoS confirmado contra sitios del gobierno",
    "Comparte el canal con tus amigos",
};
constexpr SV kEsLead[] = {"Canal: ", "Enlace: ", "Únete: ", "Fuente: ", "Contacto: "};
constexpr SV kEsCta[] = {"únete aquí", "haz clic", "nuestro canal", "descargar"};
constexpr SV kEsHeaders[] = {"URGENTE", "NUEVO", "Actualización"};
constexpr SV kEsChatter[] = {"gracias", "el enlace no funciona", "¿alguien lo probó?", "funciona"};
constexpr SV kEsUsers[] = {"Carlos", "Juan", "María", "Diego", "Lucía"};

// ---------------------------------------------------------------- Portuguese
constexpr SV kPtLines[] = {
    "Novo vazamento de dados com CPF e telefone",
    "Painel de consulta atualizado, acesso vitalício",
    "Programa crackeado, download direto",
    "Sinal VIP: entrada em BTC, alvos acima",
    "Notícias de segurança digital de hoje",
    "CCs novas disponíveis, troca garantida",
    "Compartilhe o canal com seus amigos",
};
constexpr SV kPtLead[] = {"Canal: ", "Link: ", "Entre: ", "Fonte: ", "Contato: "};
constexpr SV kPtCta[] = {"entre aqui", "clique aqui", "nosso canal", "baixar"};
constexpr SV kPtHeaders[] = {"URGENTE", "NOVO", "Atualização"};
constexpr SV kPtChatter[] = {"obrigado", "link caiu", "alguém testou?", "funcionando"};
constexpr SV kPtUsers[] = {"João", "Pedro", "Ana", "Lucas", "Bruna"};

// ---------------------------------------------------------------- Turkish
constexpr SV kTrLines[] = {
    "Yeni veri sızıntısı: e-posta ve telefon numaraları",
    "Crackli program güncellendi, direkt indir",
    "VIP sinyal: BTC long, hedefler yukarıda",
    "Günlük siber güvenlik özeti",
    "Yeni kartlar stokta, garanti var",
    "Kanalı arkadaşlarınla paylaş",
};
constexpr SV kTrLead[] = {"Kanal: ", "Link: ", "Katıl: ", "Kaynak: ", "İletişim: "};
constexpr SV kTrCta[] = {"katıl", "tıkla", "kanalımız", "indir"};
constexpr SV kTrHeaders[] = {"ACİL", "YENİ", "Güncelleme"};
constexpr SV kTrChatter[] = {"teşekkürler", "link çalışmıyor", "deneyen var mı?", "çalışıyor"};
constexpr SV kTrUsers[] = {"Mehmet", "Ahmet", "Ayşe", "Emre", "Can"};

// ---------------------------------------------------------------- Indonesian
constexpr SV kIdLines[] = {
    "Kebocoran data baru: nama, NIK dan nomor HP",
    "Aplikasi premium gratis, sudah di-crack",
    "Sinyal VIP: entry BTC, target di atas",
    "Berita keamanan siber hari ini",
    "Slot gacor hari ini, deposit pulsa",
    "Bagikan channel ini ke teman kalian",
};
constexpr SV kIdLead[] = {"Channel: ", "Link: ", "Gabung: ", "Sumber: ", "Kontak: "};
constexpr SV kIdCta[] = {"gabung di sini", "klik di sini", "channel kami", "unduh"};
constexpr SV kIdHeaders[] = {"PENTING", "BARU", "Update"};
constexpr SV kIdChatter[] = {"makasih", "link mati", "ada yang coba?", "mantap"};
constexpr SV kIdUsers[] = {"Budi", "Agus", "Siti", "Rizky", "Dewi"};

// ---------------------------------------------------------------- Hebrew
constexpr SV kHeLines[] = {
    "דליפת מידע חדשה: שמות, טלפונים וכתובות",
    "תוכנה פרוצה עודכנה, הורדה ישירה",
    "סיגנל VIP לביטקוין",
    "סיכום יומי של אבטחת מידע",
    "מתקפת סייבר על אתרים ממשלתיים",
    "שתפו את הערוץ עם חברים",
};
constexpr SV kHeLead[] = {"ערוץ: ", "קישור: ", "הצטרפות: ", "מקור: "};
constexpr SV kHeCta[] = {"הצטרפו", "לחצו כאן", "הערוץ שלנו"};
constexpr SV kHeHeaders[] = {"דחוף", "חדש", "עדכון"};
constexpr SV kHeChatter[] = {"תודה", "הקישור לא עובד", "מישהו ניסה?"};
constexpr SV kHeUsers[] = {"דני", "Yossi", "מיכל", "Avi"};

// ---------------------------------------------------------------- phrase-dense profile
// Ordinary posts that use the words of migration announcements without
// announcing anything ("new channel rules", "backup your wallet", "канал
// обновлён"): what hacktivist and carding chatter is full of.
constexpr SV kEnNear[] = {
    "The new channel rules are pinned, read them before you post",
    "Backup your wallet seed offline, never share it in the chat",
    "We are moving the giveaway to Friday because of the holiday",
    "Signal for today: ETH short below 3,100, stop at 3,250",
    "Join the discussion in the comments under this post",
    "Our old channel had the same problem with fake admins last year",
    "Contact the admin only through the bot, we never write first",
    "The team is leaving for the weekend, orders resume on Monday",
};
constexpr SV kRuNear[] = {
    "Правила нового канала закреплены, прочитайте перед постом",
    "Сделайте резервную копию ключей, не храните их в чате",
    "Мы переносим розыгрыш на пятницу из-за праздников",
    "Канал обновлён: добавили раздел с отзывами",
    "Пишите админу только через бота, сами мы никому не пишем",
    "Старый канал тоже страдал от фейковых админов",
    "Команда уходит на выходные, заказы с понедельника",
    "Сигнал на сегодня: BTC лонг от 64 000",
};
constexpr SV kArNear[] = {
    "قوانين القناة الجديدة مثبتة، اقرأها قبل النشر",
    "احتفظ بنسخة احتياطية من محفظتك ولا تشاركها في الدردشة",
    "نقلنا المسابقة إلى يوم الجمعة بسبب العطلة",
    "قناة جديدة للأخبار العاجلة قريباً في نفس المجموعة",
    "تواصل مع المشرف عبر البوت فقط، نحن لا نراسل أحداً أولاً",
    "القناة القديمة كان فيها نفس المشكلة مع المشرفين المزيفين",
};
constexpr SV kFaNear[] = {
    "قوانین کانال جدید سنجاق شده، قبل از پست بخوانید",
    "از کیف پول خود نسخه پشتیبان بگیرید و در چت منتشر نکنید",
    "قرعه‌کشی را به جمعه منتقل کردیم",
    "فقط از طریق ربات با ادمین تماس بگیرید",
    "کانال قدیمی هم همین مشکل را با ادمین‌های جعلی داشت",
    "سیگنال امروز: بیت‌کوین خرید از ۶۴ هزار",
};
constexpr SV kZhNear[] = {
    "新频道规则已置顶，发帖前请先阅读",
    "请备份好钱包助记词，不要在群里分享",
    "抽奖活动改到周五举行",
    "只通过机器人联系管理员，我们从不主动私信",
    "旧频道去年也遇到过假管理员的问题",
    "今日信号：以太坊 3100 以下做空",
};
constexpr SV kEsNear[] = {
    "Las reglas del nuevo canal están fijadas, léelas antes de publicar",
    "Haz una copia de respaldo de tu billetera y no la compartas",
    "Movemos el sorteo al viernes por el feriado",
    "Contacta al admin solo por el bot, nunca escribimos primero",
    "El canal viejo tuvo el mismo problema con admins falsos",
    "Señal de hoy: BTC largo desde 64 000",
};
constexpr SV kPtNear[] = {
    "As regras do novo canal estão fixadas, leia antes de postar",
    "Faça backup da sua carteira e não compartilhe no chat",
    "Mudamos o sorteio para sexta por causa do feriado",
    "Fale com o admin só pelo bot, nunca chamamos ninguém primeiro",
    "O canal antigo teve o mesmo problema com admins falsos",
    "Sinal de hoje: BTC compra a partir de 64 mil",
};
constexpr SV kTrNear[] = {
    "Yeni kanal kuralları sabitlendi, paylaşmadan önce okuyun",
    "Cüzdanınızın yedeğini alın ve sohbette paylaşmayın",
    "Çekilişi bayram yüzünden cumaya taşıdık",
    "Yöneticiye sadece bot üzerinden ulaşın, biz önce yazmayız",
    "Eski kanalda da sahte yöneticilerle aynı sorun vardı",
    "Bugünün sinyali: BTC 64 binden alım",
};
constexpr SV kIdNear[] = {
    "Aturan saluran baru sudah disematkan, baca sebelum posting",
    "Backup dompet kamu dan jangan bagikan di grup",
    "Kami pindahkan giveaway ke hari Jumat karena libur",
    "Hubungi admin hanya lewat bot, kami tidak pernah chat duluan",
    "Saluran lama juga punya masalah yang sama dengan admin palsu",
    "Sinyal hari ini: BTC beli dari 64 ribu",
};
constexpr SV kHeNear[] = {
    "חוקי הערוץ החדש נעוצים, קראו לפני שמפרסמים",
    "גבו את הארנק שלכם ואל תשתפו אותו בצ'אט",
    "העברנו את ההגרלה ליום שישי בגלל החג",
    "פנו למנהל רק דרך הבוט, אנחנו אף פעם לא פונים ראשונים",
    "גם בערוץ הישן הייתה אותה בעיה עם מנהלים מזויפים",
    "איתות להיום: ביטקוין קנייה מ-64 אלף",
};

template <std::size_t N>
constexpr Words W(const SV (&a)[N]) {
  return Words(a, N);
}

// Languages without per-topic sentences use one pool for every topic.
constexpr std::array<Words, kTopicCount> sameLines(Words w) { return {w, w, w, w, w, w}; }

const LangVocab kVocab[kLangCount] = {
    {"en", {W(kEnCarding), W(kEnLeaks), W(kEnWarez), W(kEnCrypto), W(kEnOsint), W(kEnHacktivist)},
     W(kEnLead), W(kEnCta), W(kEnHeaders), W(kEnChatter), W(kEnUsers), "."},
    {"ru", {W(kRuCarding), W(kRuLeaks), W(kRuWarez), W(kRuCrypto), W(kRuOsint), W(kRuHacktivist)},
     W(kRuLead), W(kRuCta), W(kRuHeaders), W(kRuChatter), W(kRuUsers), "."},
    {"ar", sameLines(W(kArLines)),
     W(kArLead), W(kArCta), W(kArHeaders), W(kArChatter), W(kArUsers), "."},
    {"fa", sameLines(W(kFaLines)),
     W(kFaLead), W(kFaCta), W(kFaHeaders), W(kFaChatter), W(kFaUsers), "."},
    {"zh", sameLines(W(kZhLines)),
     W(kZhLead), W(kZhCta), W(kZhHeaders), W(kZhChatter), W(kZhUsers), "。"},
    {"es", sameLines(W(kEsLines)),
     W(kEsLead), W(kEsCta), W(kEsHeaders), W(kEsChatter), W(kEsUsers), "."},
    {"pt", sameLines(W(kPtLines)),
     W(kPtLead), W(kPtCta), W(kPtHeaders), W(kPtChatter), W(kPtUsers), "."},
    {"tr", sameLines(W(kTrLines)),
     W(kTrLead), W(kTrCta), W(kTrHeaders), W(kTrChatter), W(kTrUsers), "."},
    {"id", sameLines(W(kIdLines)),
     W(kIdLead), W(kIdCta), W(kIdHeaders), W(kIdChatter), W(kIdUsers), "."},
    {"he", sameLines(W(kHeLines)),
     W(kHeLead), W(kHeCta), W(kHeHeaders), W(kHeChatter), W(kHeUsers), "."},
};

// ---------------------------------------------------------------- names
constexpr SV kEnPrefix[] = {"Dark", "Black", "Ghost", "Shadow", "Cyber", "Elite", "Prime",
                            "Venom", "Silent", "Royal", "Zero", "Night"};
constexpr SV kEnCoreCard[] = {"Carding", "CC Shop", "Dumps", "Bins", "Cashout", "Fullz Market"};
constexpr SV kEnCoreLeak[] = {"Leaks", "DB Leaks", "Combolists", "Logs Cloud", "Breach Forum", "Data Vault"};
constexpr SV kEnCoreWarez[] = {"Cracked Soft", "Warez", "Premium Apps", "Mod APK", "Repacks", "Keygen"};
constexpr SV kEnCoreCrypto[] = {"Crypto Signals", "Pump Group", "Airdrops", "Gems", "Whale Calls", "Trading VIP"};
constexpr SV kEnCoreOsint[] = {"OSINT", "Threat Intel", "Cyber News", "InfoSec Daily", "Breach Watch", "Intel Feed"};
constexpr SV kEnCoreHack[] = {"Cyber Army", "Legion", "Hacktivists", "Resistance", "Anonymous Ops", "DDoS Team"};
constexpr SV kEnSuffix[] = {"", "", "", " Hub", " Club", " Official", " 2.0", " 🔥", " | Channel", " Zone"};

constexpr SV kRuCoreCard[] = {"Кардинг", "Дампы и Бины", "Обнал", "Схемы", "Пробив"};
constexpr SV kRuCoreLeak[] = {"Сливы баз", "Утечки", "Логи", "Базы данных", "Слив"};
constexpr SV kRuCoreWarez[] = {"Софт бесплатно", "Взломанные программы", "Репаки", "Кряки"};
constexpr SV kRuCoreCrypto[] = {"Крипто Сигналы", "Пампы", "Аирдропы", "Трейдинг"};
constexpr SV kRuCoreOsint[] = {"Кибер Новости", "ОСИНТ", "Инфобез", "Разведка"};
constexpr SV kRuCoreHack[] = {"Кибер Армия", "Хактивисты", "Сопротивление", "Атака"};
constexpr SV kRuSuffix[] = {"", "", " | Центр", " Клуб", " 2.0", " Официальный", " 🔥"};

constexpr SV kArCores[] = {"قناة التسريبات", "أخبار الأمن السيبراني", "برامج مكركة", "توصيات الكريبتو",
                           "جيش السايبر", "بطاقات وبنوك"};
constexpr SV kFaCores[] = {"کانال نشت اطلاعات", "اخبار امنیت", "نرم افزار کرک", "سیگنال ارز دیجیتال",
                           "ارتش سایبری", "فیلترشکن رایگان"};
constexpr SV kZhCores[] = {"资源分享", "数据泄露", "破解软件", "币圈信号", "网络安全日报", "跑分交流"};
constexpr SV kEsCores[] = {"Filtraciones", "Noticias Ciber", "Programas Gratis", "Señales Cripto",
                           "Ciber Ejército", "Tarjetas"};
constexpr SV kPtCores[] = {"Vazamentos", "Painel Consultas", "Programas Crackeados", "Sinais Cripto",
                           "Notícias Hacker", "CCs Full"};
constexpr SV kTrCores[] = {"Sızıntılar", "Siber Haber", "Crack Program", "Kripto Sinyal", "Siber Ordu"};
constexpr SV kIdCores[] = {"Info Bocoran", "Berita Siber", "Aplikasi Premium", "Sinyal Kripto", "Slot Gacor"};
constexpr SV kHeCores[] = {"דליפות", "חדשות סייבר", "תוכנות פרוצות", "סיגנלים קריפטו"};
constexpr SV kGenericSuffix[] = {"", "", " 🔥", " ✅", " | Official", " 2", " VIP"};

constexpr SV kStemCard[] = {"carding", "ccshop", "dumps", "bins", "cashout", "fullz", "cvvstore", "kard"};
constexpr SV kStemLeak[] = {"leaks", "dbleak", "combo", "logs", "breach", "dumpbase", "sliv", "baza"};
constexpr SV kStemWarez[] = {"cracked", "warez", "premiumapps", "modapk", "repack", "keygen", "soft"};
constexpr SV kStemCrypto[] = {"signals", "pump", "airdrop", "gems", "whale", "trading", "cryptovip"};
constexpr SV kStemOsint[] = {"osint", "threatintel", "cybernews", "infosec", "breachwatch", "intel"};
constexpr SV kStemHack[] = {"cyberarmy", "legion", "hacktivist", "resist", "anonops", "ddosteam"};
constexpr SV kTails[] = {"", "", "hub", "club", "official", "vip", "pro", "zone", "news", "chat",
                         "world", "team", "24", "2024", "ru", "en", "bot_free"};

constexpr SV kEmojis[] = {"🔥", "✅", "⚡️", "💰", "🚀", "📢", "❗️", "👉", "💎", "🔗", "📌", "⚠️",
                          "🎁", "🤝", "💳", "🛡", "🕵️", "📊", "🇺🇸", "🇷🇺"};
constexpr SV kTagCard[] = {"#carding", "#cc", "#dumps", "#bins", "#cashout"};
constexpr SV kTagLeak[] = {"#leak", "#database", "#combolist", "#logs", "#breach"};
constexpr SV kTagWarez[] = {"#crack", "#software", "#windows", "#apk", "#free"};
constexpr SV kTagCrypto[] = {"#BTC", "#crypto", "#pump", "#airdrop", "#signal"};
constexpr SV kTagOsint[] = {"#OSINT", "#ThreatIntel", "#ransomware", "#infosec", "#news"};
constexpr SV kTagHack[] = {"#OpIsrael", "#OpRussia", "#DDoS", "#hacktivism", "#cyberwar"};

constexpr SV kWeb[] = {
    "https://github.com/topics/osint", "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://x.com/vxunderground/status/1831234567890123456", "https://www.bleepingcomputer.com/news/security/",
    "https://therecord.media/", "https://www.bbc.com/news/technology", "https://mega.nz/folder/",
    "https://www.mediafire.com/file/", "https://coinmarketcap.com/currencies/bitcoin/",
    "https://www.reuters.com/technology/", "https://krebsonsecurity.com/", "https://archive.org/details/",
    "https://www.virustotal.com/gui/file/", "https://gofile.io/d/", "https://anonfiles.ltd/",
    "https://www.lemonde.fr/pixels/", "https://habr.com/ru/news/", "https://www.kommersant.ru/",
};
constexpr SV kPaste[] = {"https://pastebin.com/", "https://rentry.co/", "https://ghostbin.site/",
                         "https://paste.ee/p/", "https://controlc.com/", "https://privatebin.net/?"};
constexpr SV kFilesCard[] = {"bins_2024.txt", "fullz_US.csv", "checker_v3.zip", "method.pdf"};
constexpr SV kFilesLeak[] = {"combolist_50k.txt", "dump_part1.rar", "users.sql.gz", "logs_fresh.zip"};
constexpr SV kFilesWarez[] = {"Setup_x64.exe", "Crack_Patch.zip", "app-premium.apk", "Repack.torrent"};
constexpr SV kFilesCrypto[] = {"signals_report.pdf", "chart.png", "whitepaper.pdf"};
constexpr SV kFilesOsint[] = {"report.pdf", "iocs.csv", "threat_brief.pdf", "samples.7z"};
constexpr SV kFilesHack[] = {"targets.txt", "ddos_tool.zip", "leaked_docs.rar"};
constexpr SV kReact[] = {"👍", "🔥", "❤", "😁", "👎", "🤔", "💯", "😱", "🙏", "🤡"};
constexpr SV kAdmins[] = {"Admin", "Support", "Max", "Editor", "R.", "Ghost", "Модератор"};
constexpr SV kBots[] = {"shop", "support", "checker", "vip", "escrow", "files", "feedback", "autobuy"};

constexpr SV kDurovEn[] = {
    "BREAKING: Telegram founder Pavel Durov detained at Le Bourget airport near Paris",
    "Durov arrest: French prosecutors cite lack of moderation and cooperation",
    "Many channels are discussing alternatives after the Durov arrest",
};
constexpr SV kDurovRu[] = {
    "Срочно: Павел Дуров задержан в аэропорту Ле Бурже",
    "После ареста Дурова многие каналы ищут запасные площадки",
};
constexpr SV kPolicyEn[] = {
    "Telegram updated its privacy policy: IP addresses and phone numbers may be disclosed to authorities",
    "After the policy change, several groups announced moves to other platforms",
    "Telegram now cooperates with law enforcement on valid legal requests",
};
constexpr SV kPolicyRu[] = {
    "Telegram обновил политику: IP и номера телефонов могут передаваться властям",
    "После изменения политики Telegram часть каналов переезжает на другие платформы",
};

}  // namespace

const LangVocab &vocab(Lang l) { return kVocab[l]; }

std::string_view topicName(Topic t) {
  constexpr SV k[] = {"carding", "leaks", "warez", "crypto_scam", "osint_news", "hacktivist"};
  return k[t];
}

Words namePrefixes(Lang l, Topic) { return l == EN ? W(kEnPrefix) : Words(); }

Words nameCores(Lang l, Topic t) {
  static constexpr Words kEn[kTopicCount] = {W(kEnCoreCard),   W(kEnCoreLeak),  W(kEnCoreWarez),
                                             W(kEnCoreCrypto), W(kEnCoreOsint), W(kEnCoreHack)};
  static constexpr Words kRu[kTopicCount] = {W(kRuCoreCard),   W(kRuCoreLeak),  W(kRuCoreWarez),
                                             W(kRuCoreCrypto), W(kRuCoreOsint), W(kRuCoreHack)};
  // Other languages: one pool for every topic (EN and RU slots unused).
  static constexpr Words kOther[kLangCount] = {
      {}, {}, W(kArCores), W(kFaCores), W(kZhCores), W(kEsCores), W(kPtCores), W(kTrCores),
      W(kIdCores), W(kHeCores)};
  if (l == EN) return kEn[t];
  if (l == RU) return kRu[t];
  return kOther[l];
}

Words nameSuffixes(Lang l) {
  if (l == EN) return W(kEnSuffix);
  if (l == RU) return W(kRuSuffix);
  return W(kGenericSuffix);
}

Words usernameStems(Topic t) {
  static constexpr Words k[kTopicCount] = {W(kStemCard),   W(kStemLeak),  W(kStemWarez),
                                           W(kStemCrypto), W(kStemOsint), W(kStemHack)};
  return k[t];
}
Words usernameTails() { return W(kTails); }
Words emojis() { return W(kEmojis); }
Words hashtags(Topic t) {
  static constexpr Words k[kTopicCount] = {W(kTagCard),   W(kTagLeak),  W(kTagWarez),
                                           W(kTagCrypto), W(kTagOsint), W(kTagHack)};
  return k[t];
}
Words webLinks() { return W(kWeb); }
Words pasteHosts() { return W(kPaste); }
Words fileNames(Topic t) {
  static constexpr Words k[kTopicCount] = {W(kFilesCard),   W(kFilesLeak),  W(kFilesWarez),
                                           W(kFilesCrypto), W(kFilesOsint), W(kFilesHack)};
  return k[t];
}
Words reactionEmojis() { return W(kReact); }
Words adminNames() { return W(kAdmins); }
Words botStems() { return W(kBots); }
Words durovArrestNews(Lang l) { return l == RU ? W(kDurovRu) : W(kDurovEn); }
Words policyChangeNews(Lang l) { return l == RU ? W(kPolicyRu) : W(kPolicyEn); }

Words nearMisses(Lang l) {
  static constexpr std::array<Words, kLangCount> kNear = {W(kEnNear), W(kRuNear), W(kArNear), W(kFaNear),
      W(kZhNear), W(kEsNear), W(kPtNear), W(kTrNear), W(kIdNear), W(kHeNear)};
  return kNear[l];
}

}  // namespace gen
