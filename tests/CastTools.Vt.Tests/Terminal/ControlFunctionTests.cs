namespace CastTools.Vt.Tests;

/// <summary>
/// One screen per control function, on small terminals. Inputs write <c>^[</c> for ESC; screens show every cell
/// between bars, the cursor as █.
/// </summary>
public class ControlFunctionTests
{
    private static void Check(int columns, int rows, string input, params string[] expected)
    {
        var terminal = ScreenText.Run(columns, rows, input.Replace("^[", "\u001b", StringComparison.Ordinal));
        Assert.Equal(ScreenText.Rows(expected), ScreenText.Of(terminal));
    }

    [Fact]
    public void Printing_advances_and_the_last_column_waits_to_wrap() =>
        Check(4, 2, "abcd", "abc█", "    ");

    [Fact]
    public void The_next_character_after_the_last_column_wraps() =>
        Check(4, 2, "abcde", "abcd", "e█  ");

    [Fact]
    public void Without_autowrap_the_last_column_is_overwritten() =>
        Check(4, 2, "^[[?7labcdef", "abc█", "    ");

    [Fact]
    public void Backspace_cr_lf() =>
        Check(5, 3, "abc\bX\r\nY", "abX  ", "Y█   ", "     ");

    [Fact]
    public void Backspace_in_pending_wrap_moves_from_the_last_column() =>
        Check(4, 1, "abcd\bX", "abX█");

    [Fact]
    public void Line_feed_at_the_bottom_scrolls() =>
        Check(3, 2, "a\r\nb\r\nc", "b  ", "c█ ");

    [Fact]
    public void Vertical_tab_and_form_feed_are_line_feeds() =>
        Check(3, 3, "a\vb\fc", "a  ", " b ", "  █");

    [Fact]
    public void Horizontal_tab_goes_to_the_next_stop() =>
        Check(20, 1, "a\tb", "a       b█          ");

    [Fact]
    public void Tab_stops_can_be_set_and_cleared() =>
        Check(12, 2, "^[[3g   ^[H\r\tx\r\n^[[3g\ty", "   x        ", "           █");

    [Fact]
    public void Cht_and_cbt_move_by_tab_stops() =>
        Check(20, 1, "^[[2Ia^[[2Zb", "        b█      a   ");

    [Fact]
    public void Cup_is_one_based_and_clamped() =>
        Check(4, 3, "^[[2;3HX^[[9;9HY", "    ", "  X ", "   █");

    [Fact]
    public void Cursor_movement_functions() =>
        Check(5, 4, "^[[3;3H^[[AU^[[BD^[[2CR^[[4DL", "     ", "  U  ", "L█ DR", "     ");

    [Fact]
    public void Cnl_and_cpl_go_to_column_one() =>
        Check(4, 3, "^[[2;3H^[[Ea^[[2Fb", "b█  ", "    ", "a   ");

    [Fact]
    public void Cha_hpa_hpr_vpa_vpr() =>
        Check(6, 4, "^[[3Ga^[[5`b^[[a!^[[3dc^[[e.", "  a b!", "      ", "     c", "     █");

    [Fact]
    public void Ed_below_above_and_all() =>
        Check(3, 3, "abcdefghi^[[2;2H^[[J", "abc", "d█ ", "   ");

    [Fact]
    public void Ed_above_includes_the_cursor_cell() =>
        Check(3, 3, "abcdefghi^[[2;2H^[[1J", "   ", " █f", "ghi");

    [Fact]
    public void Ed_all_keeps_the_cursor() =>
        Check(3, 2, "abcdef^[[1;2H^[[2J", " █ ", "   ");

    [Fact]
    public void El_right_left_all() =>
        Check(5, 3, "abcde\r\nfghij\r\nklmno^[[1;3H^[[K^[[2;3H^[[1K^[[3;3H^[[2K", "ab   ", "   ij", "  █  ");

    [Fact]
    public void Ich_inserts_blanks_and_drops_what_falls_off() =>
        Check(5, 1, "abcde^[[1;2H^[[2@", "a█ bc");

    [Fact]
    public void Dch_deletes_and_pulls_in_blanks() =>
        Check(5, 1, "abcde^[[1;2H^[[2P", "a█e  ");

    [Fact]
    public void Ech_erases_without_moving() =>
        Check(5, 1, "abcde^[[1;2H^[[3X", "a█  e");

    [Fact]
    public void Il_and_dl_work_inside_the_margins_and_home_the_column() =>
        Check(3, 4, "a\r\nb\r\nc\r\nd^[[2;2H^[[L", "a  ", "█  ", "b  ", "c  ");

    [Fact]
    public void Dl_pulls_lines_up() =>
        Check(3, 4, "a\r\nb\r\nc\r\nd^[[2;2H^[[2M", "a  ", "█  ", "   ", "   ");

    [Fact]
    public void Su_and_sd_scroll_the_region() =>
        Check(3, 4, "a\r\nb\r\nc\r\nd^[[2;3r^[[S^[[4;1H", "a  ", "c  ", "   ", "█  ");

    [Fact]
    public void Sd_scrolls_down() =>
        Check(3, 3, "a\r\nb\r\nc^[[T", "   ", "a  ", "b█ ");

    [Fact]
    public void Decstbm_homes_and_scrolling_stays_inside() =>
        Check(3, 4, "^[[2;3rA\r\nB\r\nC\r\nD^[[4;1HE", "A  ", "C  ", "D  ", "E█ ");

    [Fact]
    public void Ri_at_the_top_margin_scrolls_down() =>
        Check(3, 3, "a\r\nb\r\nc^[[H^[M", "█  ", "a  ", "b  ");

    [Fact]
    public void Ind_and_nel() =>
        Check(4, 3, "ab^[Dc^[Ed", "ab  ", "  c ", "d█  ");

    [Fact]
    public void Origin_mode_makes_cup_relative_to_the_margins() =>
        Check(3, 4, "^[[2;3r^[[?6h^[[9;1HX", "   ", "   ", "X█ ", "   ");

    [Fact]
    public void Decsc_and_decrc_restore_position_and_pen() =>
        Check(4, 2, "^[[2;2H^[7^[[HXY^[8Z", "XY  ", " Z█ ");

    [Fact]
    public void Decrc_does_not_restore_the_pending_wrap() =>
        Check(3, 2, "abc^[7^[8d", "ab█", "   ");

    [Fact]
    public void Scosc_and_scorc() =>
        Check(4, 2, "^[[2;3H^[[s^[[Hx^[[uy", "x   ", "  y█");

    [Fact]
    public void Rep_repeats_the_previous_character() =>
        Check(6, 1, "ab^[[3b", "abbbb█");

    [Fact]
    public void Irm_inserts_while_printing() =>
        Check(5, 1, "abc\r^[[4hXY^[[4l", "XY█bc");

    [Fact]
    public void Lnm_makes_line_feed_return() =>
        Check(3, 2, "^[[20hab\nc", "ab ", "c█ ");

    [Fact]
    public void Decaln_fills_with_e_and_homes() =>
        Check(3, 2, "ab^[#8", "█EE", "EEE");

    [Fact]
    public void Dec_special_graphics_through_g0_and_shift_out() =>
        Check(6, 1, "^[(0qx^[(B-^[)0\u000eq\u000fq", "─│-─q█");

    [Fact]
    public void Uk_charset_maps_the_hash() =>
        Check(3, 1, "^[(A#^[(B#", "£#█");

    [Fact]
    public void Single_shift_applies_to_one_character() =>
        Check(4, 1, "^[*0^[Nqq", "─q█ ");

    [Fact]
    public void Sl_and_sr_shift_columns_in_the_region() =>
        Check(4, 2, "abcd\r\nefgh^[[ @^[[H^[[2 A", "█ bc", "  fg");

    [Fact]
    public void Decic_and_decdc_insert_and_delete_columns() =>
        Check(4, 2, "abcd\r\nefgh^[[1;2H^[['}", "a█bc", "e fg");

    [Fact]
    public void Decdc_deletes_columns() =>
        Check(4, 2, "abcd\r\nefgh^[[1;2H^[['~", "a█d ", "egh ");

    [Fact]
    public void Decsed_spares_protected_cells() =>
        Check(3, 1, "A^[[1\"qB^[[0\"qC^[[?2J", " B█");

    [Fact]
    public void Decsel_spares_protected_cells_but_el_does_not() =>
        Check(3, 2, "A^[[1\"qB^[[0\"qC^[[?2K\r\nA^[[1\"qB^[[0\"qC^[[2K", " B ", "  █");

    [Fact]
    public void Decstr_resets_modes_but_keeps_the_screen() =>
        Check(3, 2, "ab^[[4h^[[?7l^[[!pc\rX", "X█c", "   ");

    [Fact]
    public void Ris_clears_everything() =>
        Check(3, 2, "ab\r\ncd^[c", "█  ", "   ");

    [Fact]
    public void Can_aborts_a_sequence() =>
        Check(3, 1, "^[[3\u0018ab", "ab█");

    [Fact]
    public void C1_controls_as_utf8_code_points() =>
        Check(4, 2, "a\u0085b\u009b2Cc", "a   ", "b  █");

    [Fact]
    public void Control_characters_inside_csi_are_executed() =>
        Check(4, 2, "ab^[[\r1Cx", "ax█ ", "    ");

    [Fact]
    public void Alternate_screen_1049_saves_clears_and_restores() =>
        Check(3, 2, "ab^[[?1049hX^[[?1049l", "ab█", "   ");

    [Fact]
    public void Alternate_screen_47_keeps_its_content() =>
        Check(3, 1, "a^[[?47hb^[[?47l^[[?47h", " b█");

    [Fact]
    public void Reverse_wrap_backspace_goes_to_the_previous_line() =>
        Check(3, 2, "^[[?45habc\r\n\b\bX", "aX█", "   ");
}
