// edit_state.h: what the editing UI keeps between frames, owned by the App (App::edit): the
// rename in place, the field being typed in the details panel, a card being dragged, the header
// menus. The journey itself changes only through app_apply (app_edit.cpp).
#pragma once

#include <string>
#include <vector>

namespace uxcx {

// A field of the details panel while it is being typed: the text as typed (one string per input
// of the field: a CSAT from counts has five) and why it is not applied yet. Only one field is
// typed at a time; `key` names it ("tp:seat/name", "tp:seat/s0/csat") so a new selection shows
// the model again.
struct FieldDraft {
    std::string key;
    std::vector<std::string> text;
    std::string error;  // the validator's message, said next to the field; nothing applied meanwhile
    int form = -1;      // a reading's form being typed (ReadingForm in edit_details.cpp); -1: the model's
};

struct EditUiState {
    int renaming = -1;          // touchpoint renamed in place (F2, Insert, double-click); -1: none
    std::string rename_text;
    std::string rename_error;
    bool rename_focus = false;  // give the field the keyboard on its next frame
    // Characters typed between the start of a rename and the frame in which its field takes them
    // (ImGui activates a field a frame after SetKeyboardFocusHere and ignores text in that frame):
    // held here and handed to the field first, so no first letter is lost on a slow machine.
    bool rename_waiting = false;
    std::vector<unsigned int> rename_typed;
    FieldDraft draft;
    int drag = -1;              // touchpoint being dragged on the map; -1: none
    // The stage or channel whose header menu is open (right-click on a header); its name as typed.
    int menu_stage = -1, menu_channel = -1;
    bool menu_unassigned = false;  // the menu is the Unassigned column's or lane's (only "add")
    std::string menu_name;
    std::string message;        // the last refused edit, shown under the toolbar until the next edit
    int save_position = -1;     // history position a Save in progress writes (the page answers later)
};

}  // namespace uxcx
