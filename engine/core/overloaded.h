#pragma once

namespace Retort {

// One visitor from several lambdas, for std::visit over the engine's variants
// (Ops::Operation, Progress::Event): std::visit(Overloaded{[](const A &) {...}, ...}, v).
template<class... Fs>
struct Overloaded : Fs...
{
    using Fs::operator()...;
};
template<class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

} // namespace Retort
