// Small HTML text helpers shared by the template renderer and the letter document.
#pragma once

#include <string>
#include <string_view>

namespace uitdaag::letters_internal {

// Escapes & < > " ' (as &amp; &lt; &gt; &quot; &#39;): safe in text and in quoted attributes.
std::string HtmlEscape(std::string_view s);

// The text of the first element with class="<css_class>" in `html`: tags removed, entities
// &amp; &lt; &gt; &quot; &#39; decoded, whitespace collapsed. Empty when there is none.
std::string TextOfClass(std::string_view html, std::string_view css_class);

}  // namespace uitdaag::letters_internal
