"""One function per user flow that both the pages and the commands call, written once:
import (`imports`), export (`exports`), whole profiles (`profiles`: restore, delete), the
progress card's drop folder (`card_drop`), the press figures (`press`)."""
